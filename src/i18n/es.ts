import type { MessageSchema } from './index'

/** Spanish (neutral, "usted") wording for the patient intake; keys mirror en.ts. */
const ynu = { yes: 'Sí', no: 'No', unsure: 'No estoy seguro/a' }

const messages: MessageSchema = {
  app: {
    name: 'Admisión: dolor de espalda',
    skipToContent: 'Saltar al contenido principal',
    loading: 'Cargando…',
    retry: 'Intentar de nuevo'
  },
  nav: {
    start: 'Inicio',
    intakes: 'Formularios de admisión',
    settings: 'Configuración',
    main: 'Principal'
  },
  language: {
    choose: 'Elija su idioma',
    en: 'English',
    zh: '简体中文',
    es: 'Español'
  },
  start: {
    title: 'Recepción',
    intro:
      'Empiece un nuevo formulario de admisión por dolor de espalda o la visita de seguimiento de un paciente que vuelve, o continúe uno que no se terminó.',
    newWithPatient: 'Nuevo formulario (el personal lo completa con el paciente)',
    newSelfEntry: 'Nuevo formulario (entregar al paciente)',
    unfinished: 'Formularios sin terminar',
    noUnfinished: 'No hay formularios sin terminar.',
    continue: 'Continuar',
    discard: 'Descartar',
    discardConfirm: '¿Descartar este formulario sin terminar? Se borrarán sus respuestas.',
    unnamed: 'Todavía sin nombre',
    lastSaved: 'guardado por última vez: {time}',
    born: 'nacido/a el {date}',
    reached: 'llegó a: {step}',
    notStarted: 'sin respuestas todavía',
    followUpDraft: 'visita de seguimiento',
    enteredBy: { staff: 'lo rellena el personal', patient: 'lo rellena el paciente' },
    followUp: 'Paciente que vuelve: visita de seguimiento'
  },
  followUpStart: {
    title: 'Visita de seguimiento',
    intro:
      'Para un paciente que ya ha venido antes. Escriba su nombre y su fecha de nacimiento como en su primer formulario y compruebe que el paciente encontrado es la persona que tiene delante.',
    findTitle: 'Buscar al paciente',
    find: 'Buscar paciente',
    back: 'Volver a la pantalla de inicio',
    matchesTitle: 'Pacientes encontrados',
    noMatchTitle: 'No se encontró ningún paciente',
    noMatch:
      'No hay ningún paciente llamado {name}, nacido/a el {date}, con un formulario enviado aquí. Compruebe con el paciente cómo se escribe su nombre y su fecha de nacimiento, o empiece un formulario nuevo.',
    startNew: 'Empezar un formulario nuevo en su lugar',
    confirmIntro:
      'Antes de empezar, compruebe con el paciente que es esta persona. | Antes de empezar, compruebe con el paciente cuál de estas personas es.',
    visits: '{n} visita | {n} visitas',
    lastVisit: 'última visita: {date}',
    confirm: 'Es este paciente: empezar el seguimiento',
    confirmHandOver: 'Es este paciente: entregárselo al paciente'
  },
  steps: {
    about: 'Sus datos',
    episode: 'Este episodio',
    where: 'Dónde le duele',
    howMuch: 'Cuánto le duele',
    safety: 'Preguntas de seguridad',
    startBack: 'Cómo le afecta la espalda',
    history: 'Antecedentes de salud',
    goals: 'Sus objetivos',
    consent: 'Consentimiento y firma',
    change: 'Desde su última visita',
    review: 'Revisar y enviar'
  },
  stepIntro: {
    about: 'Díganos quién es usted y cómo podemos comunicarnos con usted.',
    episode: 'Cuéntenos cómo es este episodio de dolor de espalda.',
    where:
      'Toque cada zona donde sienta dolor. Izquierda y derecha significan su propia izquierda y su propia derecha.',
    howMuch: 'Use las escalas del 0 (sin dolor) al 10 (el peor dolor que pueda imaginar).',
    safety:
      'Estas preguntas nos ayudan a asegurarnos de que no se nos pase nada grave. Por favor, responda cada una. Si no está seguro/a, elija “No estoy seguro/a”.',
    startBack: 'Este breve cuestionario se muestra con su redacción original en inglés.',
    history: 'Sus antecedentes de salud nos ayudan a planificar su atención.',
    goals: '¿Qué le gustaría volver a hacer?',
    consent: 'Por favor, lea, marque las casillas y firme.',
    change: 'Díganos cómo ha estado su espalda desde su última visita.',
    review: 'Revise sus respuestas. Puede cambiar cualquiera de ellas antes de enviarlas.'
  },
  form: {
    progress: 'Paso {current} de {total}',
    back: 'Atrás',
    next: 'Siguiente',
    submit: 'Enviar',
    edit: 'Cambiar',
    required: 'obligatorio',
    optional: 'opcional',
    notAnswered: 'Sin responder',
    noneOfThese: 'Ninguna de estas opciones',
    fixBeforeNext: 'Por favor, revise las respuestas marcadas.',
    fixBeforeSubmit: 'Todavía faltan algunas respuestas para poder enviar.',
    saving: 'Guardando…',
    saved: 'Guardado',
    saveFailedStorage:
      'Aún no se ha guardado: este ordenador no pudo almacenar sus respuestas. Siguen aquí y seguiremos intentándolo. Si este mensaje no desaparece, avise en recepción.',
    saveFailedGone:
      'No se guardó: este formulario ya no admite cambios. Por favor, avise en recepción.',
    saveFailedOther:
      'Aún no se ha guardado. Sus respuestas siguen aquí y seguiremos intentándolo. Si este mensaje no desaparece, avise en recepción.',
    savedExcept:
      'Guardado, excepto su respuesta a {questions}: por favor, revísela. Todo lo demás está guardado.',
    submitted: 'Gracias. Sus respuestas se han enviado a la clínica.',
    submittedHandBack: 'Por favor, devuelva ahora este dispositivo en recepción.',
    submittedStaff: 'Formulario enviado.',
    scaleMin: '0 = sin dolor',
    scaleMax: '10 = el peor que pueda imaginar',
    scaleMinInterference: '0 = no interfiere',
    scaleMaxInterference: '10 = interfiere por completo',
    characterCount: '{count} de {max} caracteres',
    textTooLong:
      'Supera en {over} caracteres el límite de {max}. No se ha recortado nada: por favor, acórtelo.',
    complaintTrendHelp:
      'Por favor, responda esta pregunta porque su dolor dura ya 6 semanas o más.',
    followUpFor: 'Visita de seguimiento de {name}, nacido/a el {date}',
    saveConflict:
      'No se ha guardado: este formulario se modificó en otra pantalla. Elija arriba, al principio de la página, qué versión quiere conservar.',
    conflictSubmit:
      'Todavía no se ha enviado: primero elija qué versión de las respuestas quiere conservar.',
    conflict: {
      title: 'Sus últimas respuestas no se han guardado',
      body: 'Este formulario se modificó en otra pantalla u otro dispositivo después de que esta pantalla lo guardara por última vez. Para que no se pierda nada, las respuestas de esta pantalla NO se han guardado encima de esa otra versión. Elija qué versión quiere conservar.',
      openLatest: 'Abrir la versión más reciente',
      openLatestHint:
        'Muestra la versión guardada en la otra pantalla. Se descartan los cambios hechos aquí desde que esta pantalla guardó por última vez.',
      keepMine: 'Conservar mis respuestas y guardarlas',
      keepMineHint: 'Guarda las respuestas de esta pantalla en lugar de la otra versión.',
      failed: 'No se pudo hacer. Inténtelo de nuevo o avise en recepción.'
    }
  },
  validation: {
    'not-in-form': 'Esta pregunta no forma parte de este formulario.',
    'not-an-object': 'No se pudieron leer estas respuestas.',
    'unknown-item': 'Esta pregunta no forma parte del formulario.',
    'wrong-type': 'Esta respuesta no tiene la forma esperada.',
    'unknown-code': 'Por favor, elija una de las opciones que se muestran.',
    'duplicate-code': 'Se eligió una opción dos veces.',
    'out-of-range': 'Por favor, elija un número del 0 al 10.',
    'invalid-date': 'Esta fecha no existe. Revise el día, el mes y el año.',
    'future-date': 'Esta fecha es en el futuro. Por favor, revísela.',
    'age-out-of-range':
      'Esta fecha de nacimiento es de hace más de 120 años. Por favor, revise el año.',
    'too-long': 'Esta respuesta es demasiado larga. Por favor, acórtela.',
    'invalid-email':
      "Esto no parece una dirección de correo electrónico. Un ejemplo correcto: nombre{'@'}example.com.",
    required: 'Por favor, responda esta pregunta.',
    'must-be-true': 'Por favor, marque esta casilla para continuar.',
    'invalid-signature': 'No se pudo leer la firma. Por favor, bórrela y vuelva a firmar.',
    'age-band-above-age':
      'Esta edad es mayor que la edad que usted tiene hoy. Por favor, revísela.',
    'birth-in-future':
      'La fecha de nacimiento no puede ser posterior a hoy. Por favor, revise el día, el mes y el año.',
    'before-birth':
      'Esta fecha es anterior a su fecha de nacimiento. Por favor, revise el año aquí o en su fecha de nacimiento.'
  },
  dateField: {
    day: 'Día',
    month: 'Mes',
    year: 'Año',
    hint: 'Por ejemplo: 23 4 1990',
    errors: {
      missingDay: 'Falta el día. Escriba el día con números, por ejemplo 23.',
      missingMonth: 'Falta el mes. Escriba el mes con números, por ejemplo 4 para abril.',
      missingYear: 'Falta el año. Escriba el año, por ejemplo 1990.',
      missingParts: 'La fecha está incompleta. Escriba el día, el mes y el año.',
      yearDigits: 'Escriba el año con 4 cifras, por ejemplo 1990.',
      monthRange: 'No existe el mes {month}. Escriba un mes del 1 al 12.',
      dayRange: 'Esta fecha no existe: ese mes solo tiene {days} días. Revise el día y el mes.',
      notReal: 'Esta fecha no existe. Por favor, revise el día, el mes y el año.',
      birthTooLongAgo:
        'Esta fecha de nacimiento es de hace más de 120 años. Por favor, revise el año.'
    }
  },
  patientAlert: {
    title: 'Por favor, quédese aquí y avise ahora a recepción',
    body: 'Por favor, quédese aquí y avise ahora mismo al personal de recepción. Un profesional de la salud le atenderá.',
    bodyWithPhone:
      'Por favor, quédese aquí y avise ahora mismo al personal de recepción (o, si no hay nadie, llame a la clínica al {phone}). Un profesional de la salud le atenderá.',
    staffUnlock: 'Personal: inicie sesión para continuar'
  },
  items: {
    patient: {
      givenName: { label: 'Nombre' },
      familyName: { label: 'Apellido(s)' },
      dateOfBirth: { label: 'Fecha de nacimiento' },
      sex: {
        label: 'Sexo',
        codes: {
          female: 'Femenino',
          male: 'Masculino',
          intersex: 'Intersexual',
          'prefer-not-to-say': 'Prefiero no decirlo'
        }
      },
      phone: { label: 'Número de teléfono' },
      email: { label: 'Correo electrónico' },
      preferredLanguage: {
        label: 'Idioma preferido',
        codes: { en: 'English (inglés)', zh: '简体中文 (chino)', es: 'Español' }
      },
      occupation: { label: 'Ocupación' },
      emergencyContactName: { label: 'Nombre del contacto de emergencia' },
      emergencyContactPhone: { label: 'Teléfono del contacto de emergencia' }
    },
    complaint: {
      onsetDate: { label: '¿Cuándo empezó este episodio?' },
      duration: {
        label: '¿Desde hace cuánto tiempo tiene este dolor de espalda?',
        codes: {
          'lt-1w': 'Menos de 1 semana',
          '1-6w': 'De 1 a 6 semanas',
          '6-12w': 'De 6 a 12 semanas',
          'gt-12w': 'Más de 12 semanas'
        }
      },
      onsetType: {
        label: '¿Empezó de repente o poco a poco?',
        codes: { sudden: 'De repente', gradual: 'Poco a poco' }
      },
      onsetContext: {
        label: '¿Cuándo lo notó por primera vez?',
        codes: {
          'during-workout': 'Durante un entrenamiento',
          'within-24h-after-workout': 'En las 24 horas después de un entrenamiento',
          '24-72h-after-workout': 'De 1 a 3 días después de un entrenamiento',
          'daily-activity': 'Durante una actividad diaria',
          'injury-or-fall': 'Después de una lesión o una caída',
          'no-clear-cause': 'Sin una causa clara'
        }
      },
      activities: {
        label: '¿Qué actividades hacía más o menos cuando empezó?',
        codes: {
          deadlift: 'Peso muerto',
          squat: 'Sentadillas',
          'other-weights': 'Otro entrenamiento con pesas',
          abdominal: 'Ejercicios abdominales',
          running: 'Correr',
          cycling: 'Ciclismo (bicicleta)',
          'team-sport': 'Deporte de equipo',
          'yoga-pilates': 'Yoga o pilates',
          'lifting-at-work-or-home': 'Levantar cosas pesadas en el trabajo o en casa',
          other: 'Otra cosa'
        }
      },
      trainingFactors: {
        label: '¿Le pasó algo de esto en sus entrenamientos?',
        codes: {
          'trained-to-failure':
            'Entrené hasta el fallo (hasta no poder hacer ni una repetición más)',
          'increased-load': 'Hace poco aumenté el peso o la cantidad de entrenamiento',
          'returned-after-break': 'Volví a entrenar después de un tiempo sin hacerlo',
          'skipped-warm-up': 'No hice el calentamiento',
          'unsure-of-form': 'No estaba seguro/a de mi técnica'
        }
      },
      description: { label: 'Con sus propias palabras, ¿qué pasó?' },
      trend: {
        label: 'Desde que empezó, el dolor…',
        codes: {
          improving: 'Está mejorando',
          same: 'Está más o menos igual',
          worsening: 'Está empeorando'
        }
      }
    },
    pain: {
      regions: { label: '¿Dónde siente dolor?' },
      quality: {
        label: '¿Cómo es el dolor?',
        codes: {
          'dull-ache': 'Sordo, como una molestia continua',
          sharp: 'Agudo, como una punzada',
          burning: 'Ardor o quemazón',
          shooting: 'Como una descarga eléctrica que se extiende',
          tingling: 'Hormigueo o pinchazos',
          numbness: 'Adormecimiento (falta de sensibilidad)',
          cramping: 'Calambres',
          stiffness: 'Rigidez'
        }
      },
      now: { label: '¿Cuánto le duele ahora mismo?' },
      worst: { label: 'En la última semana, ¿cuánto le dolió en el peor momento?' },
      pattern: {
        label: '¿Cuáles de estas frases describen su dolor?',
        codes: {
          'morning-stiffness-over-30min': 'Tengo rigidez durante más de 30 minutos al levantarme',
          'wakes-second-half-of-night': 'El dolor me despierta en la segunda mitad de la noche',
          'improves-with-movement': 'Mejora cuando me muevo',
          'worse-with-rest': 'Empeora cuando descanso',
          'worse-sitting': 'Empeora al estar sentado/a',
          'worse-bending': 'Empeora al agacharme o inclinarme',
          'worse-cough-sneeze': 'Empeora al toser o estornudar',
          'eased-by-lying-down': 'Se alivia al acostarme',
          'weather-sensitive': 'Cambia según el clima'
        }
      }
    },
    peg: {
      pain: { label: 'En la última semana, ¿qué número describe mejor su dolor promedio?' },
      enjoyment: {
        label: 'En la última semana, ¿cuánto ha interferido el dolor en su disfrute de la vida?'
      },
      activity: {
        label: 'En la última semana, ¿cuánto ha interferido el dolor en su actividad general?'
      }
    },
    rf: {
      bladder: {
        label:
          '¿Le pasa algo de esto y es nuevo para usted: le cuesta empezar a orinar, se le escapa la orina sin darse cuenta, o no siente cuando sale la orina o cuando tiene la vejiga llena?',
        codes: ynu
      },
      bowel: {
        label:
          '¿Le pasa algo de esto y es nuevo para usted: no puede controlar los intestinos (se le escapan las heces sin querer), o no siente cuando salen las heces?',
        codes: ynu
      },
      saddleNumbness: {
        label:
          'Desde que empezó este dolor, ¿ha tenido adormecimiento u hormigueo en la ingle, los genitales, la zona del ano o la parte interior de los muslos, o siente algo diferente al limpiarse después de ir al baño?',
        codes: ynu
      },
      sexualDysfunction: {
        label:
          '¿Le pasa algo de esto y es nuevo para usted: adormecimiento de los genitales durante las relaciones sexuales, o dificultad para tener una erección o para eyacular?',
        codes: { ...ynu, 'not-applicable': 'No se aplica a mi caso' }
      },
      bothLegs: {
        label:
          '¿Tiene dolor, adormecimiento u hormigueo que baja desde la espalda por las dos piernas? (No cuente el dolor muscular de las piernas por entrenar.)',
        codes: ynu
      },
      legWeakness: {
        label:
          '¿Tiene debilidad nueva en una pierna o un pie? Por ejemplo, el pie se le engancha o se le arrastra al caminar, o una pierna le falla y se le dobla. (No se trata solo de dolor muscular.)',
        codes: ynu
      },
      darkUrine: {
        label:
          'Desde que empezó este dolor, ¿ha tenido la orina muy oscura, del color del té o de un refresco de cola?',
        codes: ynu
      },
      trauma: {
        label: '¿Ha tenido hace poco una caída, un accidente o un golpe en la espalda?',
        codes: ynu
      },
      osteoporosis: {
        label: '¿Tiene osteoporosis, o se ha roto un hueso en una caída leve?',
        codes: ynu
      },
      steroids: {
        label:
          '¿Ha tomado pastillas o recibido inyecciones de corticoides (cortisona) recetados por un médico, por ejemplo prednisolona, durante más de 3 meses? (No nos referimos a los esteroides para aumentar músculo.)',
        codes: ynu
      },
      cancerHistory: { label: '¿Tiene cáncer ahora o ha tenido cáncer en el pasado?', codes: ynu },
      weightLoss: {
        label: '¿Ha bajado de peso sin intentarlo en los últimos 3 meses?',
        codes: ynu
      },
      nightPain: {
        label: '¿Tiene dolor por la noche que no se alivia al cambiar de postura?',
        codes: ynu
      },
      unwell: {
        label: '¿Se siente físicamente enfermo/a, con un malestar general en todo el cuerpo?',
        codes: ynu
      },
      fever: {
        label:
          'Desde que empezó este dolor, ¿ha tenido fiebre, escalofríos o sudores por la noche?',
        codes: ynu
      },
      recentInfection: {
        label:
          'En los últimos 3 meses, ¿ha tenido alguna infección que le trataron con antibióticos (por ejemplo, de orina, de la piel o del pecho)?',
        codes: ynu
      },
      ivDrugUse: {
        label: '¿Alguna vez se ha inyectado drogas o medicamentos que no le habían recetado?',
        codes: ynu
      },
      immunosuppressed: {
        label:
          '¿Tiene su cuerpo menos capacidad para combatir las infecciones, por ejemplo por quimioterapia, un trasplante, el VIH o medicamentos que bajan las defensas?',
        codes: ynu
      },
      spinalProcedure: {
        label:
          'En los últimos 12 meses, ¿le han operado de la columna, le han puesto una epidural u otra inyección en la columna?',
        codes: ynu
      },
      abdominalPulsing: {
        label: '¿Siente como un latido o un pulso en la barriga?',
        codes: ynu
      }
    },
    history: {
      previousEpisodes: {
        label: '¿Cuántas veces ha tenido antes un dolor de espalda como este?',
        codes: { none: 'Nunca', '1-2': 'Una o dos veces', '3-or-more': '3 veces o más' }
      },
      firstBackPainAge: {
        label: '¿Qué edad tenía cuando empezó por primera vez un dolor de espalda como este?',
        codes: {
          'under-35': 'Menos de 35 años',
          '35-44': 'De 35 a 44 años',
          '45-or-over': '45 años o más'
        }
      },
      treatmentsTried: {
        label: '¿Qué ha probado para este episodio?',
        codes: {
          rest: 'Reposo',
          'ice-heat': 'Hielo o calor',
          nsaids: 'Medicamentos antiinflamatorios (por ejemplo, ibuprofeno)',
          paracetamol: 'Paracetamol (acetaminofén)',
          physiotherapy: 'Fisioterapia',
          chiropractic: 'Quiropráctica',
          massage: 'Masajes',
          injection: 'Una inyección',
          surgery: 'Cirugía'
        }
      },
      nsaidResponse: {
        label: 'Si tomó medicamentos antiinflamatorios (por ejemplo, ibuprofeno), ¿le ayudaron?',
        codes: {
          'good-within-48h': 'Sí, me ayudaron mucho en 2 días o menos',
          'little-or-none': 'Poco o nada',
          'not-tried': 'No los he probado'
        }
      },
      conditions: {
        label: '¿Tiene alguna de estas enfermedades?',
        codes: {
          diabetes: 'Diabetes',
          'heart-disease': 'Enfermedad del corazón',
          'inflammatory-bowel-disease': 'Enfermedad de Crohn o colitis ulcerosa',
          psoriasis: 'Psoriasis',
          uveitis: 'Uveítis (inflamación del ojo)',
          'inflammatory-arthritis': 'Artritis inflamatoria',
          enthesitis:
            'Hinchazón dolorosa donde un tendón se une al hueso (por ejemplo, en la parte de atrás del talón)',
          'depression-anxiety': 'Depresión o ansiedad'
        }
      },
      familySpA: {
        label:
          '¿Su padre, su madre, alguno de sus hijos o alguno de sus hermanos tiene espondilitis anquilosante o espondiloartritis?',
        codes: ynu
      },
      pregnancy: {
        label: '¿Está embarazada o ha tenido un bebé en los últimos 6 meses?',
        codes: {
          pregnant: 'Estoy embarazada',
          'postpartum-6-months': 'Tuve un bebé en los últimos 6 meses',
          no: 'No',
          'not-applicable': 'No se aplica a mi caso'
        }
      },
      smoking: {
        label: '¿Fuma?',
        codes: { current: 'Sí', former: 'Antes fumaba', never: 'Nunca he fumado' }
      },
      anticoagulants: {
        label:
          '¿Toma algún medicamento para que la sangre no coagule tan fácilmente (anticoagulante), por ejemplo warfarina, apixabán o rivaroxabán?',
        codes: ynu
      },
      medications: { label: '¿Qué medicamentos toma?' },
      allergies: { label: '¿Tiene alguna alergia?' },
      surgeries: { label: '¿Ha tenido alguna operación?' }
    },
    goals: {
      text: {
        label:
          '¿Qué le gustaría volver a hacer? (por ejemplo, “hacer peso muerto otra vez”, “correr 5 km”, “tomar en brazos a mi hijo”)'
      }
    },
    consent: {
      treatment: {
        label:
          'Acepto que me evalúen y me traten. Entiendo que puedo hacer preguntas y parar en cualquier momento.'
      },
      privacy: {
        label: 'He leído cómo la clínica guarda y usa mi información, y estoy de acuerdo.'
      },
      signedBy: {
        label: 'Nombre completo de la persona que firma (usted, o su padre, madre o tutor legal)'
      },
      signerRelationship: {
        label: '¿Quién firma?',
        codes: {
          self: 'El/la paciente (yo mismo/a)',
          'parent-or-guardian': 'El padre, la madre o el tutor legal',
          representative: 'Otro representante'
        },
        help: 'Si el/la paciente tiene menos de 16 años, debe firmar su padre, su madre, su tutor legal u otro representante.'
      },
      signature: { label: 'Firma' }
    },
    followUp: {
      change: {
        label: 'Comparado con su última visita, ¿cómo está ahora su espalda?',
        codes: {
          'much-better': 'Mucho mejor',
          better: 'Un poco mejor',
          same: 'Más o menos igual',
          worse: 'Un poco peor',
          'much-worse': 'Mucho peor'
        }
      }
    }
  },
  bodyMap: {
    front: 'De frente',
    back: 'De espaldas',
    yourLeft: 'Su izquierda',
    yourRight: 'Su derecha',
    listLabel: 'Zonas de dolor (lista)',
    selected: 'Zonas elegidas: {count}',
    regions: {
      'low-back-left': 'Parte baja de la espalda, lado izquierdo',
      'low-back-centre': 'Parte baja de la espalda, centro',
      'low-back-right': 'Parte baja de la espalda, lado derecho',
      'buttock-left': 'Nalga izquierda',
      'buttock-right': 'Nalga derecha',
      'thigh-left': 'Muslo izquierdo',
      'thigh-right': 'Muslo derecho',
      'below-knee-left': 'Pierna izquierda, debajo de la rodilla',
      'below-knee-right': 'Pierna derecha, debajo de la rodilla',
      'foot-left': 'Pie izquierdo',
      'foot-right': 'Pie derecho',
      'groin-saddle': 'Ingle o zona de la silla de montar (entre las piernas)',
      'mid-back': 'Entre los omóplatos o debajo de ellos',
      'upper-back': 'Parte alta de la espalda',
      neck: 'Cuello',
      'shoulder-left': 'Hombro izquierdo',
      'shoulder-right': 'Hombro derecho',
      abdomen: 'Barriga (abdomen)',
      'flank-left': 'Costado izquierdo',
      'flank-right': 'Costado derecho'
    }
  },
  signature: {
    instructions: 'Firme dentro del recuadro con el dedo, un lápiz táctil o el ratón (mouse).',
    clear: 'Borrar',
    redo: 'Firmar de nuevo',
    signed: 'Firmado',
    empty: 'Todavía sin firmar',
    canvasLabel: 'Recuadro para la firma'
  },
  startBack: {
    englishNotice:
      'Este cuestionario se muestra en inglés porque esa es su versión validada. Si necesita ayuda, el personal puede ayudarle.'
  },
  privacyNotice: {
    title: 'Aviso de privacidad',
    intro:
      'Antes de marcar la casilla de privacidad, por favor abra y lea cómo la clínica guarda y usa su información.',
    openNotice: 'Leer el aviso de privacidad',
    readFirst: 'Por favor, lea primero el aviso de privacidad.',
    loadFailed:
      'No se pudo mostrar el aviso de privacidad. Por favor, inténtelo de nuevo o pregunte en recepción.',
    defaultText: [
      'Este aviso explica qué hace la clínica con la información que usted da en este formulario.',
      'Qué información recogemos: su nombre, su fecha de nacimiento y sus datos de contacto, e información sobre su salud: su dolor de espalda, sus respuestas a las preguntas de este formulario y su firma.',
      'Para qué la recogemos: para valorar su dolor de espalda, planificar y darle un tratamiento seguro, y llevar la historia clínica que los profesionales sanitarios deben llevar.',
      'Quién puede verla: los profesionales y el personal de esta clínica que le atienden o que gestionan la clínica. No vendemos su información. Solo la compartimos con otras personas si usted está de acuerdo, o cuando la ley lo exige o lo permite (por ejemplo, para proteger a alguien de un daño grave).',
      'Dónde se guarda: en el propio ordenador de esta clínica, no en internet.',
      'Cuánto tiempo la guardamos: el tiempo que la ley exige para las historias clínicas.',
      'Sus derechos: usted puede pedir ver la información que tenemos sobre usted, pedir que corrijamos lo que esté mal, hacer preguntas sobre cómo la usamos y presentar una queja si no está conforme. También puede reclamar ante la autoridad de protección de datos de su país.',
      'Preguntas: por favor, pregunte en recepción. También puede pedir una copia de este aviso.'
    ].join('\n\n')
  }
}

export default messages
