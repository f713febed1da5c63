/**
 * The FHIR R4 export (issue 8): pure builders from intake records to a
 * Bundle. Kept out of the domain's main index so the renderer bundle, which
 * never builds one, does not carry it.
 */
export * from './codes'
export * from './references'
export * from './questionnaire'
export * from './questionnaireResponse'
export * from './patient'
export * from './observations'
export * from './flags'
export * from './bundle'
