/**
 * The 100-byte header every SQLite database file starts with
 * (sqlite.org/fileformat.html), read as plain bytes. A file the app may have
 * to refuse (the database at start-up, a backup before it is restored) is
 * looked at this way before SQLite is given it: SQLite takes an empty file
 * for a new database, and writes files beside a WAL-mode one even to read it.
 */
import fs from 'node:fs'

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
/** The database header is the first 100 bytes of the file. */
const HEADER_LENGTH = 100

/** What the header of a whole SQLite database file says. */
export interface SqliteFileHeader {
  readonly size: number
  /** `PRAGMA user_version` as stored; negative only if some other program wrote one. */
  readonly userVersion: number
  /** Header bytes 18 and 19 are 2: the file is in WAL mode. */
  readonly wal: boolean
}

/** Why a file is not a whole SQLite database, as far as its first bytes tell. */
export type SqliteHeaderProblem =
  /** A folder or a device, not a regular file. */
  | 'not-a-file'
  /** 0 bytes. */
  | 'empty'
  /** It does not start as a SQLite database does. */
  | 'not-sqlite'
  /** It starts as a SQLite database, but ends within the header. */
  | 'header-cut-short'
  /** A page size the file format does not allow. */
  | 'bad-page-size'
  /** Read or write versions or payload fractions the file format does not allow. */
  | 'bad-format'
  /** Shorter than its own first page. */
  | 'page-cut-short'

export type SqliteHeaderReading =
  | ({ readonly ok: true } & SqliteFileHeader)
  | { readonly ok: false; readonly problem: SqliteHeaderProblem }

/**
 * Reads and checks the header of the file at `filePath`, writing nothing.
 * Problems are looked for in the order of {@link SqliteHeaderProblem}; the
 * first found is the one returned.
 *
 * @throws the file system's error when the file cannot be opened or read
 */
export function readSqliteFileHeader(filePath: string): SqliteHeaderReading {
  const header = Buffer.alloc(HEADER_LENGTH)
  let size: number
  let bytesRead: number
  const fd = fs.openSync(filePath, 'r')
  try {
    const stats = fs.fstatSync(fd)
    if (!stats.isFile()) return { ok: false, problem: 'not-a-file' }
    size = stats.size
    bytesRead = fs.readSync(fd, header, 0, HEADER_LENGTH, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (size === 0) return { ok: false, problem: 'empty' }
  const magic = header.subarray(0, SQLITE_MAGIC.length)
  if (bytesRead < SQLITE_MAGIC.length || !magic.equals(SQLITE_MAGIC)) {
    return { ok: false, problem: 'not-sqlite' }
  }
  if (bytesRead < HEADER_LENGTH) return { ok: false, problem: 'header-cut-short' }
  const rawPageSize = header.readUInt16BE(16)
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    return { ok: false, problem: 'bad-page-size' }
  }
  const writeVersion = header[18]
  const readVersion = header[19]
  const validFormat =
    (writeVersion === 1 || writeVersion === 2) &&
    (readVersion === 1 || readVersion === 2) &&
    // Payload fractions fixed by the file format.
    header[21] === 64 &&
    header[22] === 32 &&
    header[23] === 32
  if (!validFormat) return { ok: false, problem: 'bad-format' }
  // A database has at least its first page; less is a file cut short.
  if (size < pageSize) return { ok: false, problem: 'page-cut-short' }
  return {
    ok: true,
    size,
    userVersion: header.readInt32BE(60),
    wal: writeVersion === 2 || readVersion === 2
  }
}
