import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../electron/main/services/database/openDatabase'
import {
  createPatientRepository,
  type PatientRepository
} from '../../../../../electron/main/services/database/patientRepository'
import { useTempDirs } from '../../support/tempDir'

const tempDir = useTempDirs('patient-repository')

let db: Database
let patients: PatientRepository
let made = 0
const context = (now: string) => ({ now, newId: () => `patient-${++made}` })

beforeEach(() => {
  db = openDatabase(path.join(tempDir(), 'intake.sqlite'))
  patients = createPatientRepository(db)
  made = 0
  return () => db.close()
})

describe('patientRepository.findOrCreate', () => {
  it('creates a patient the first time', () => {
    const patient = patients.findOrCreate(
      { givenName: 'Maya', familyName: 'Okafor', dateOfBirth: '1996-03-14', phone: '0123' },
      context('2026-11-20T10:00:00.000Z')
    )
    expect(patient).toEqual({
      id: 'patient-1',
      givenName: 'Maya',
      familyName: 'Okafor',
      dateOfBirth: '1996-03-14',
      sex: null,
      phone: '0123',
      email: null,
      preferredLanguage: null,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z'
    })
    expect(patients.findById('patient-1')).toEqual(patient)
  })

  it('finds the same person whatever the capitalisation, in any script, and updates contact fields given', () => {
    const first = patients.findOrCreate(
      {
        givenName: 'Élodie',
        familyName: 'Ñúñez',
        dateOfBirth: '1990-05-01',
        phone: '111',
        email: 'e@example.org'
      },
      context('2026-11-20T10:00:00.000Z')
    )
    const again = patients.findOrCreate(
      {
        givenName: 'ÉLODIE',
        familyName: 'ñÚÑEZ',
        dateOfBirth: '1990-05-01',
        phone: '222',
        sex: 'female'
      },
      context('2026-11-21T10:00:00.000Z')
    )
    expect(again.id).toBe(first.id)
    expect(again).toMatchObject({
      givenName: 'ÉLODIE',
      phone: '222',
      sex: 'female',
      // Not answered this time: kept, not erased.
      email: 'e@example.org',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z'
    })
    expect(db.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1)
  })

  it('keeps different people apart: another birth date, or another spelling', () => {
    const base = { givenName: 'Maya', familyName: 'Muller', dateOfBirth: '1996-03-14' }
    const a = patients.findOrCreate(base, context('2026-11-20T10:00:00.000Z'))
    const b = patients.findOrCreate(
      { ...base, dateOfBirth: '1996-03-15' },
      context('2026-11-20T10:00:01.000Z')
    )
    const c = patients.findOrCreate(
      { ...base, familyName: 'Müller' },
      context('2026-11-20T10:00:02.000Z')
    )
    expect(new Set([a.id, b.id, c.id]).size).toBe(3)
  })

  it('looks the identity up through its index', () => {
    const plan = db
      .prepare<[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT id FROM patients
         WHERE family_name_key = 'a' AND given_name_key = 'b' AND date_of_birth = 'c'`
      )
      .all()
      .map((row) => row.detail)
      .join('\n')
    expect(plan).toMatch(/SEARCH patients USING (COVERING )?INDEX patients_identity/)
  })
})
