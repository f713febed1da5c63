/**
 * English wording. Patient-facing text is plain language; clinician terms
 * come from the catalogue. Keys under `items` follow the item ids of the
 * clinical contract: `items.<id>.label`, `.help`, `.codes.<code>`.
 */
const ynu = { yes: 'Yes', no: 'No', unsure: 'Not sure' }

export default {
  app: {
    name: 'Back Intake',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    retry: 'Try again'
  },
  nav: {
    start: 'Start',
    intakes: 'Intakes',
    settings: 'Settings',
    main: 'Main'
  },
  language: {
    choose: 'Choose your language',
    en: 'English',
    zh: '简体中文',
    es: 'Español'
  },
  start: {
    title: 'Front desk',
    intro:
      'Start a new back-pain intake or a returning patient’s follow-up visit, or continue one that was not finished.',
    newWithPatient: 'New intake (staff with patient)',
    newSelfEntry: 'New intake (hand to patient)',
    unfinished: 'Unfinished intakes',
    noUnfinished: 'No unfinished intakes.',
    continue: 'Continue',
    discard: 'Discard',
    discardConfirm: 'Discard this unfinished intake? Its answers will be deleted.',
    unnamed: 'No name yet',
    lastSaved: 'last saved {time}',
    born: 'born {date}',
    reached: 'reached: {step}',
    notStarted: 'nothing answered yet',
    followUpDraft: 'follow-up visit',
    enteredBy: { staff: 'staff entering', patient: 'patient entering' },
    followUp: 'Returning patient: follow-up visit'
  },
  followUpStart: {
    title: 'Follow-up visit',
    intro:
      'For a patient who has been here before. Type their name and date of birth as on their first intake, then check that the patient found is the person in front of you.',
    findTitle: 'Find the patient',
    find: 'Find patient',
    back: 'Back to the start screen',
    matchesTitle: 'Patients found',
    noMatchTitle: 'No patient found',
    noMatch:
      'No patient named {name}, born {date}, has a submitted intake here. Check the spelling and the date of birth with the patient, or start a new intake.',
    startNew: 'Start a new intake instead',
    confirmIntro:
      'Check with the patient that this is them before you start. | Check with the patient which of these is them before you start.',
    visits: '{n} visit | {n} visits',
    lastVisit: 'last visit {date}',
    confirm: 'This is the patient — start follow-up',
    confirmHandOver: 'This is the patient — hand to patient'
  },
  steps: {
    about: 'About you',
    episode: 'This episode',
    where: 'Where it hurts',
    howMuch: 'How much it hurts',
    safety: 'Safety questions',
    startBack: 'How your back affects you',
    history: 'Health history',
    goals: 'Your goals',
    consent: 'Consent and signature',
    change: 'Since your last visit',
    review: 'Review and submit'
  },
  stepIntro: {
    about: 'Tell us who you are and how to reach you.',
    episode: 'Tell us about this episode of back pain.',
    where: 'Tap every area where you feel pain. Left and right mean your own left and right.',
    howMuch: 'Use the scales from 0 (no pain) to 10 (worst pain imaginable).',
    safety:
      'These questions help us make sure nothing serious is missed. Please answer each one. If you are not sure, choose “Not sure”.',
    startBack: 'This short questionnaire is shown in its original English wording.',
    history: 'Your health history helps us plan your care.',
    goals: 'What would you like to get back to?',
    consent: 'Please read, tick and sign.',
    change: 'Tell us how your back has been since your last visit.',
    review: 'Check your answers. You can change any of them before you submit.'
  },
  form: {
    progress: 'Step {current} of {total}',
    back: 'Back',
    next: 'Next',
    submit: 'Submit',
    edit: 'Change',
    required: 'required',
    optional: 'optional',
    notAnswered: 'Not answered',
    noneOfThese: 'None of these',
    fixBeforeNext: 'Please check the highlighted answers.',
    fixBeforeSubmit: 'Some answers are still needed before you can submit.',
    saving: 'Saving…',
    saved: 'Saved',
    saveFailedStorage:
      'Not saved yet: this computer could not store your answers. They are still here and we will keep trying. If this message stays, please tell the front desk.',
    saveFailedGone:
      'Not saved: this form is no longer open for changes. Please tell the front desk.',
    saveFailedOther:
      'Not saved yet. Your answers are still here and we will keep trying. If this message stays, please tell the front desk.',
    savedExcept:
      'Saved, except your answer to {questions}: please check it. Everything else is saved.',
    submitted: 'Thank you. Your answers have been sent to the clinic.',
    submittedHandBack: 'Please hand this device back to the front desk now.',
    submittedStaff: 'Intake submitted.',
    scaleMin: '0 = no pain',
    scaleMax: '10 = worst imaginable',
    scaleMinInterference: '0 = does not interfere',
    scaleMaxInterference: '10 = completely interferes',
    characterCount: '{count} of {max} characters',
    textTooLong:
      'This is {over} characters over the limit of {max}. Nothing has been cut: please shorten it.',
    complaintTrendHelp: 'Please answer this because your pain has lasted 6 weeks or more.',
    followUpFor: 'Follow-up visit for {name}, born {date}',
    saveConflict:
      'Not saved: this form was changed on another screen. Please choose at the top of the page which version to keep.',
    conflictSubmit: 'Not sent yet: please first choose which version of the answers to keep.',
    conflict: {
      title: 'Your latest answers have not been saved',
      body: 'This form was changed on another screen or device after this screen last saved it. So that nothing is lost, the answers on this screen have NOT been saved over that other version. Please choose which version to keep.',
      openLatest: 'Open the latest version',
      openLatestHint:
        'Shows the version saved on the other screen. Changes made here since this screen last saved are dropped.',
      keepMine: 'Keep my answers and save them',
      keepMineHint: 'Saves the answers on this screen in place of the other version.',
      failed: 'That did not work. Please try again, or tell the front desk.'
    }
  },
  validation: {
    'not-in-form': 'This question is not part of this form.',
    'not-an-object': 'These answers could not be read.',
    'unknown-item': 'This question is not part of the form.',
    'wrong-type': 'This answer is not in the expected form.',
    'unknown-code': 'Please choose one of the options shown.',
    'duplicate-code': 'An option was chosen twice.',
    'out-of-range': 'Please choose a number from 0 to 10.',
    'invalid-date': 'This is not a real date. Please check the day, month and year.',
    'future-date': 'This date is in the future. Please check it.',
    'age-out-of-range': 'This date of birth is more than 120 years ago. Please check the year.',
    'too-long': 'This answer is too long. Please shorten it.',
    'invalid-email': "This does not look like an e-mail address, for example name{'@'}example.com.",
    required: 'Please answer this question.',
    'must-be-true': 'Please tick this box to continue.',
    'invalid-signature': 'The signature could not be read. Please clear it and sign again.',
    'age-band-above-age': 'This age is older than you are today. Please check it.',
    'birth-in-future':
      'A date of birth cannot be after today. Please check the day, month and year.',
    'before-birth':
      'This date is before your date of birth. Please check the year here, or your date of birth.'
  },
  dateField: {
    day: 'Day',
    month: 'Month',
    year: 'Year',
    hint: 'For example, 23 4 1990',
    errors: {
      missingDay: 'The day is missing. Please enter the day as a number, for example 23.',
      missingMonth:
        'The month is missing. Please enter the month as a number, for example 4 for April.',
      missingYear: 'The year is missing. Please enter the year, for example 1990.',
      missingParts: 'This date is not complete. Please enter the day, month and year.',
      yearDigits: 'Please enter the year with 4 digits, for example 1990.',
      monthRange: 'There is no month {month}. Please enter a month from 1 to 12.',
      dayRange:
        'This date does not exist: that month has only {days} days. Please check the day and month.',
      notReal: 'This date does not exist. Please check the day, month and year.',
      birthTooLongAgo: 'This date of birth is more than 120 years ago. Please check the year.'
    }
  },
  patientAlert: {
    title: 'Please stay here and tell the front desk now',
    body: 'Please stay here and tell the front desk now. A clinician will see you.',
    bodyWithPhone:
      'Please stay here and tell the front desk now (or, if no one is there, call the clinic on {phone}). A clinician will see you.',
    staffUnlock: 'Staff: sign in to continue'
  },
  items: {
    patient: {
      givenName: { label: 'First name' },
      familyName: { label: 'Last name' },
      dateOfBirth: { label: 'Date of birth' },
      sex: {
        label: 'Sex',
        codes: {
          female: 'Female',
          male: 'Male',
          intersex: 'Intersex',
          'prefer-not-to-say': 'Prefer not to say'
        }
      },
      phone: { label: 'Phone number' },
      email: { label: 'E-mail address' },
      preferredLanguage: {
        label: 'Preferred language',
        codes: { en: 'English', zh: '简体中文 (Chinese)', es: 'Español (Spanish)' }
      },
      occupation: { label: 'Occupation' },
      emergencyContactName: { label: 'Emergency contact name' },
      emergencyContactPhone: { label: 'Emergency contact phone' }
    },
    complaint: {
      onsetDate: { label: 'When did this episode start?' },
      duration: {
        label: 'How long have you had this back pain?',
        codes: {
          'lt-1w': 'Less than 1 week',
          '1-6w': '1 to 6 weeks',
          '6-12w': '6 to 12 weeks',
          'gt-12w': 'More than 12 weeks'
        }
      },
      onsetType: {
        label: 'Did it start suddenly or gradually?',
        codes: { sudden: 'Suddenly', gradual: 'Gradually' }
      },
      onsetContext: {
        label: 'When did you first notice it?',
        codes: {
          'during-workout': 'During a workout',
          'within-24h-after-workout': 'Within 24 hours after a workout',
          '24-72h-after-workout': '1 to 3 days after a workout',
          'daily-activity': 'During a daily activity',
          'injury-or-fall': 'After an injury or a fall',
          'no-clear-cause': 'No clear cause'
        }
      },
      activities: {
        label: 'Which activities were you doing around the time it started?',
        codes: {
          deadlift: 'Deadlifts',
          squat: 'Squats',
          'other-weights': 'Other weight training',
          abdominal: 'Abdominal exercises',
          running: 'Running',
          cycling: 'Cycling',
          'team-sport': 'Team sport',
          'yoga-pilates': 'Yoga or Pilates',
          'lifting-at-work-or-home': 'Lifting at work or at home',
          other: 'Something else'
        }
      },
      trainingFactors: {
        label: 'Did any of these apply to your training?',
        codes: {
          'trained-to-failure': 'I trained to failure',
          'increased-load': 'I recently increased the weight or volume',
          'returned-after-break': 'I came back after a break',
          'skipped-warm-up': 'I skipped my warm-up',
          'unsure-of-form': 'I was unsure of my technique'
        }
      },
      description: { label: 'In your own words, what happened?' },
      trend: {
        label: 'Since it started, is it…',
        codes: { improving: 'Getting better', same: 'About the same', worsening: 'Getting worse' }
      }
    },
    pain: {
      regions: { label: 'Where do you feel pain?' },
      quality: {
        label: 'What does the pain feel like?',
        codes: {
          'dull-ache': 'Dull ache',
          sharp: 'Sharp',
          burning: 'Burning',
          shooting: 'Shooting',
          tingling: 'Tingling or pins and needles',
          numbness: 'Numbness',
          cramping: 'Cramping',
          stiffness: 'Stiffness'
        }
      },
      now: { label: 'How bad is your pain right now?' },
      worst: { label: 'How bad was your pain at its worst in the past week?' },
      pattern: {
        label: 'Which of these describe your pain?',
        codes: {
          'morning-stiffness-over-30min': 'Stiff for more than 30 minutes after getting up',
          'wakes-second-half-of-night': 'Pain wakes me in the second half of the night',
          'improves-with-movement': 'It gets better when I move around',
          'worse-with-rest': 'It gets worse when I rest',
          'worse-sitting': 'Worse when sitting',
          'worse-bending': 'Worse when bending',
          'worse-cough-sneeze': 'Worse when I cough or sneeze',
          'eased-by-lying-down': 'Eased by lying down',
          'weather-sensitive': 'Changes with the weather'
        }
      }
    },
    peg: {
      pain: { label: 'In the past week, what number best describes your pain on average?' },
      enjoyment: {
        label: 'In the past week, how much has pain interfered with your enjoyment of life?'
      },
      activity: {
        label: 'In the past week, how much has pain interfered with your general activity?'
      }
    },
    rf: {
      bladder: {
        label:
          'Is any of this new for you: trouble starting to pass urine, leaking urine without knowing it, or not being able to feel urine passing or when your bladder is full?',
        codes: ynu
      },
      bowel: {
        label:
          'Is either of these new for you: not being able to control your bowels (poo comes out when you do not mean it to), or not being able to feel poo passing?',
        codes: ynu
      },
      saddleNumbness: {
        label:
          'Since this pain started, have you had numbness or pins and needles in your groin, genitals, back passage or inner thighs, or does it feel different when you wipe after using the toilet?',
        codes: ynu
      },
      sexualDysfunction: {
        label:
          'Is either of these new for you: numbness of your genitals during sex, or trouble getting an erection or ejaculating?',
        codes: { ...ynu, 'not-applicable': 'Does not apply to me' }
      },
      bothLegs: {
        label:
          'Do you have pain, numbness or tingling that spreads from your back down both legs? (Do not count sore leg muscles from training.)',
        codes: ynu
      },
      legWeakness: {
        label:
          'Do you have new weakness in a leg or foot? For example, your foot catches or drags when you walk, or a leg gives way under you. (Not just sore muscles.)',
        codes: ynu
      },
      darkUrine: {
        label: 'Since this pain started, has your urine been very dark, like tea or cola?',
        codes: ynu
      },
      trauma: {
        label: 'Have you recently had a fall, an accident or a blow to your back?',
        codes: ynu
      },
      osteoporosis: {
        label: 'Do you have osteoporosis, or have you broken a bone in a minor fall?',
        codes: ynu
      },
      steroids: {
        label:
          'Have you taken steroid tablets or had steroid injections prescribed by a doctor (for example prednisolone) for more than 3 months? (This does not mean bodybuilding steroids.)',
        codes: ynu
      },
      cancerHistory: {
        label: 'Do you have cancer now, or have you had cancer in the past?',
        codes: ynu
      },
      weightLoss: {
        label: 'Have you lost weight without trying in the last 3 months?',
        codes: ynu
      },
      nightPain: {
        label: 'Do you have pain at night that does not ease when you change position?',
        codes: ynu
      },
      unwell: { label: 'Do you feel generally unwell?', codes: ynu },
      fever: {
        label: 'Since this pain started, have you had a fever, chills or night sweats?',
        codes: ynu
      },
      recentInfection: {
        label:
          'In the last 3 months, have you had an infection that was treated with antibiotics (for example in your urine, skin or chest)?',
        codes: ynu
      },
      ivDrugUse: {
        label: 'Have you ever injected drugs that were not prescribed to you?',
        codes: ynu
      },
      immunosuppressed: {
        label:
          'Is your body less able to fight infections, for example because of chemotherapy, a transplant, HIV, or medicines that weaken your body’s defences?',
        codes: ynu
      },
      spinalProcedure: {
        label:
          'In the last 12 months, have you had an operation on your spine, an epidural, or another injection into your spine?',
        codes: ynu
      },
      abdominalPulsing: {
        label: 'Do you feel a pulsing or throbbing feeling in your belly?',
        codes: ynu
      }
    },
    history: {
      previousEpisodes: {
        label: 'How many times have you had back pain like this before?',
        codes: { none: 'Never', '1-2': 'Once or twice', '3-or-more': '3 times or more' }
      },
      firstBackPainAge: {
        label: 'How old were you when back pain like this first started?',
        codes: { 'under-35': 'Under 35', '35-44': '35 to 44', '45-or-over': '45 or older' }
      },
      treatmentsTried: {
        label: 'What have you tried for this episode?',
        codes: {
          rest: 'Rest',
          'ice-heat': 'Ice or heat',
          nsaids: 'Anti-inflammatory medicine (for example ibuprofen)',
          paracetamol: 'Paracetamol',
          physiotherapy: 'Physiotherapy',
          chiropractic: 'Chiropractic',
          massage: 'Massage',
          injection: 'An injection',
          surgery: 'Surgery'
        }
      },
      nsaidResponse: {
        label: 'If you took anti-inflammatory medicine (for example ibuprofen), did it help?',
        codes: {
          'good-within-48h': 'Yes, it helped a lot within 2 days',
          'little-or-none': 'A little or not at all',
          'not-tried': 'I have not tried it'
        }
      },
      conditions: {
        label: 'Do you have any of these conditions?',
        codes: {
          diabetes: 'Diabetes',
          'heart-disease': 'Heart disease',
          'inflammatory-bowel-disease': 'Crohn’s disease or ulcerative colitis',
          psoriasis: 'Psoriasis',
          uveitis: 'Uveitis (eye inflammation)',
          'inflammatory-arthritis': 'Inflammatory arthritis',
          enthesitis:
            'Painful swelling where a tendon joins the bone (for example the back of the heel)',
          'depression-anxiety': 'Depression or anxiety'
        }
      },
      familySpA: {
        label:
          'Does a parent, child, brother or sister have ankylosing spondylitis or spondyloarthritis?',
        codes: ynu
      },
      pregnancy: {
        label: 'Are you pregnant or have you had a baby in the last 6 months?',
        codes: {
          pregnant: 'I am pregnant',
          'postpartum-6-months': 'I had a baby in the last 6 months',
          no: 'No',
          'not-applicable': 'Does not apply to me'
        }
      },
      smoking: {
        label: 'Do you smoke?',
        codes: { current: 'Yes', former: 'I used to', never: 'Never' }
      },
      anticoagulants: {
        label:
          'Do you take medicine to thin your blood (for example warfarin, apixaban or rivaroxaban)?',
        codes: ynu
      },
      medications: { label: 'Which medicines do you take?' },
      allergies: { label: 'Do you have any allergies?' },
      surgeries: { label: 'Have you had any operations?' }
    },
    goals: {
      text: {
        label:
          'What do you want to get back to? (for example “deadlift again”, “run 5 km”, “pick up my child”)'
      }
    },
    consent: {
      treatment: {
        label:
          'I agree to be assessed and treated. I understand I can ask questions and stop at any time.'
      },
      privacy: { label: 'I have read how the clinic keeps and uses my information, and I agree.' },
      signedBy: { label: 'Full name of the person signing (you, or your parent or guardian)' },
      signerRelationship: {
        label: 'Who is signing?',
        codes: {
          self: 'The patient (myself)',
          'parent-or-guardian': 'A parent or guardian',
          representative: 'Another representative'
        },
        help: 'If the patient is under 16, a parent, guardian or representative must sign.'
      },
      signature: { label: 'Signature' }
    },
    followUp: {
      change: {
        label: 'Compared with your last visit, how is your back now?',
        codes: {
          'much-better': 'Much better',
          better: 'A little better',
          same: 'About the same',
          worse: 'A little worse',
          'much-worse': 'Much worse'
        }
      }
    }
  },
  bodyMap: {
    front: 'Front',
    back: 'Back',
    yourLeft: 'Your left',
    yourRight: 'Your right',
    listLabel: 'Pain areas (list)',
    selected: '{count} area chosen | {count} areas chosen',
    regions: {
      'low-back-left': 'Lower back, left side',
      'low-back-centre': 'Lower back, middle',
      'low-back-right': 'Lower back, right side',
      'buttock-left': 'Left buttock',
      'buttock-right': 'Right buttock',
      'thigh-left': 'Left thigh',
      'thigh-right': 'Right thigh',
      'below-knee-left': 'Left leg below the knee',
      'below-knee-right': 'Right leg below the knee',
      'foot-left': 'Left foot',
      'foot-right': 'Right foot',
      'groin-saddle': 'Groin or saddle area',
      'mid-back': 'Between or below the shoulder blades',
      'upper-back': 'Upper back',
      neck: 'Neck',
      'shoulder-left': 'Left shoulder',
      'shoulder-right': 'Right shoulder',
      abdomen: 'Belly',
      'flank-left': 'Left side (flank)',
      'flank-right': 'Right side (flank)'
    }
  },
  signature: {
    instructions: 'Sign in the box with your finger, a stylus or the mouse.',
    clear: 'Clear',
    redo: 'Sign again',
    signed: 'Signed',
    empty: 'Not signed yet',
    canvasLabel: 'Signature pad'
  },
  startBack: {
    englishNotice: 'This questionnaire is shown in English, its validated wording.'
  },
  privacyNotice: {
    title: 'Privacy notice',
    intro:
      'Before you tick the privacy box, please open and read how the clinic keeps and uses your information.',
    openNotice: 'Read the privacy notice',
    readFirst: 'Please read the privacy notice first.',
    loadFailed:
      'The privacy notice could not be shown. Please try again, or ask at the front desk.',
    defaultText: [
      'This notice explains what the clinic does with the information you give on this form.',
      'What we collect: your name, date of birth and contact details, and information about your health: your back pain, your answers to the questions on this form, and your signature.',
      'Why we collect it: to assess your back pain, to plan and give you safe treatment, and to keep the clinical records that health professionals must keep.',
      'Who can see it: the clinicians and staff of this clinic who care for you or who run the clinic. We do not sell your information. We share it with others only if you agree, or when the law requires or allows it (for example, to protect someone from serious harm).',
      'Where it is kept: on this clinic’s own computer, not on the internet.',
      'How long we keep it: for as long as the law requires health records to be kept.',
      'Your rights: you can ask to see the information we hold about you, ask us to correct anything that is wrong, ask questions about how we use it, and complain if you are not happy. You can also complain to the privacy or data protection authority where you live.',
      'Questions: please ask at the front desk. You can also ask for a copy of this notice.'
    ].join('\n\n')
  }
}
