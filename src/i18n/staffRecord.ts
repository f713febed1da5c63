/**
 * Wording of the clinician's intake record (`staff.record`), laid out as the
 * PDF summary is: the patient, the concern, the episode, where it hurts,
 * scores with what they mean, patterns, history, goals, consent, and every
 * answer below. The section titles and row labels follow the PDF's, so a
 * clinician reading one finds the same words in the other. Answers
 * themselves are worded by the domain's `answerText`, not here.
 */
export default {
  header: {
    age: 'Age',
    ageUnknown: 'Age unknown',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    language: 'Answered in',
    languageDefault: 'English (no other language chosen)',
    intake: 'Intake',
    submitted: 'Submitted {time}',
    draft: 'Unfinished (draft started {time})',
    earlier: 'Other intakes of this patient',
    earlierNote: 'Same family name and date of birth.',
    earlierItem: '{date} · {status} · {concern}',
    status: { draft: 'Unfinished', submitted: 'Submitted' }
  },
  concern: {
    title: 'Concern and flags'
  },
  episode: {
    title: 'This episode',
    onsetDate: 'Onset date',
    duration: 'Duration',
    onsetType: 'Sudden or gradual',
    onsetContext: 'Context at onset',
    activities: 'Activity at onset',
    trainingFactors: 'Training factors',
    trend: 'Trend',
    previousEpisodes: 'Previous episodes',
    description: 'In the patient’s words',
    nothing: 'Nothing recorded about this episode.'
  },
  bodyMap: {
    title: 'Where it hurts',
    front: 'Front',
    back: 'Back',
    patientLeft: 'Left',
    patientRight: 'Right',
    figure: 'Body map, {view}: {regions}',
    regions: 'Regions (patient’s side)',
    none: 'None marked',
    quality: 'Pain quality',
    pattern: 'Pain pattern'
  },
  scores: {
    title: 'Scores',
    painNow: 'Pain now (NPRS 0–10)',
    painWorst: 'Worst pain, past week',
    peg: 'PEG (0–10, mean of 3)',
    pegParts: 'average pain {pain}, enjoyment of life {enjoyment}, general activity {activity}',
    pegMeaning: 'Higher means pain interferes more with life; best followed from visit to visit.',
    startBack: 'STarT Back',
    startBackValue: '{risk} risk · total {total} of 9 · psychosocial subscore {psychosocial} of 5',
    risk: { low: 'Low', medium: 'Medium', high: 'High' },
    riskMeaning: {
      low: 'Matched care: advice, reassurance and support to self-manage.',
      medium: 'Matched care: physiotherapy aimed at pain and function.',
      high: 'Matched care: psychologically informed physiotherapy (psychosocial factors are high).'
    },
    psychosocialAgreed: 'Psychosocial items agreed',
    bothersome: 'Bothersomeness',
    none: 'none',
    notAnswered: 'not answered',
    notScored: 'not scored (items missing)',
    missing: 'Still missing'
  },
  patterns: {
    triggeredBy: 'Triggered by'
  },
  history: {
    goals: 'Goals',
    goalsNone: 'Not given.'
  },
  consent: {
    title: 'Consent',
    agreedTo: 'Agreed to',
    treatment: 'Assessment and treatment',
    privacy: 'The privacy notice',
    notAgreed: 'Not yet agreed',
    signedBy: 'Signed by',
    notSigned: 'Not yet signed',
    relationship: 'Relationship',
    when: 'When',
    onSubmission: '{time} (on submission)',
    notSubmitted: 'Not yet submitted',
    signature: 'Signature',
    signatureOf: 'Signature of {name}',
    notDrawn: 'Not drawn'
  },
  answers: {
    title: 'All answers',
    summary: 'All answers ({count})',
    note: 'Every stored answer, in the order of the form.'
  }
}
