import type { MessageSchema } from './index'

/** Simplified Chinese (mainland) wording for the patient intake; keys mirror en.ts. */
const ynu = { yes: '是', no: '否', unsure: '不确定' }

const messages: MessageSchema = {
  app: {
    name: '背痛问诊表',
    skipToContent: '跳到主要内容',
    loading: '正在加载…',
    retry: '重试'
  },
  nav: {
    start: '开始',
    intakes: '问诊表',
    settings: '设置',
    main: '主导航'
  },
  language: {
    choose: '请选择您的语言',
    en: 'English',
    zh: '简体中文',
    es: 'Español'
  },
  start: {
    title: '前台',
    intro: '开始填写一份新的背痛问诊表或老患者的复诊表，或继续填写尚未完成的问诊表。',
    newWithPatient: '新建问诊表（工作人员陪同患者填写）',
    newSelfEntry: '新建问诊表（交给患者自己填写）',
    unfinished: '未完成的问诊表',
    noUnfinished: '没有未完成的问诊表。',
    continue: '继续',
    discard: '删除',
    discardConfirm: '要删除这份未完成的问诊表吗？其中的回答将被删除。',
    unnamed: '尚未填写姓名',
    lastSaved: '上次保存：{time}',
    born: '出生日期 {date}',
    reached: '已填到：{step}',
    notStarted: '尚未作答',
    followUpDraft: '复诊',
    enteredBy: { staff: '员工代填', patient: '患者自填' },
    followUp: '老患者：复诊'
  },
  followUpStart: {
    title: '复诊',
    intro:
      '适用于以前来过的患者。请按首次问诊表上的信息输入患者的姓名和出生日期，然后核对找到的患者就是您面前的这个人。',
    findTitle: '查找患者',
    find: '查找患者',
    back: '返回开始页面',
    matchesTitle: '找到的患者',
    noMatchTitle: '未找到患者',
    noMatch:
      '这里没有名为 {name}、出生日期为 {date} 且已提交过问诊表的患者。请与患者核对姓名的拼写和出生日期，或开始填写新的问诊表。',
    startNew: '改为开始新的问诊表',
    confirmIntro: '开始之前，请与患者确认这就是本人。 | 开始之前，请与患者确认其中哪一位是本人。',
    visits: '{n} 次就诊',
    lastVisit: '上次就诊：{date}',
    confirm: '确认是该患者 — 开始复诊',
    confirmHandOver: '确认是该患者 — 交给患者填写'
  },
  steps: {
    about: '个人信息',
    episode: '本次背痛',
    where: '疼痛部位',
    howMuch: '疼痛程度',
    safety: '安全问题',
    startBack: '背痛对您的影响',
    history: '健康史',
    goals: '您的目标',
    consent: '同意书和签名',
    change: '与上次就诊相比',
    review: '检查并提交'
  },
  stepIntro: {
    about: '请告诉我们您是谁，以及怎样联系您。',
    episode: '请告诉我们这次背痛的情况。',
    where: '请点按每一个感到疼痛的部位。“左”和“右”是指您自己身体的左边和右边。',
    howMuch: '请用 0 到 10 的分数作答：0 表示完全不痛，10 表示能想象到的最痛。',
    safety:
      '这些问题能帮助我们确保不会漏掉任何严重的情况。请每一题都回答。如果不确定，请选择“不确定”。',
    startBack: '这份简短问卷以英文原文显示。',
    history: '了解您的健康史，有助于我们安排您的治疗。',
    goals: '您希望重新做回哪些事情？',
    consent: '请阅读、勾选并签名。',
    change: '请告诉我们，自上次就诊以来您的背部情况如何。',
    review: '请检查您的回答。提交之前，您可以修改任何一项。'
  },
  form: {
    progress: '第 {current} 步，共 {total} 步',
    back: '上一步',
    next: '下一步',
    submit: '提交',
    edit: '修改',
    required: '必填',
    optional: '选填',
    notAnswered: '未回答',
    noneOfThese: '以上都没有',
    fixBeforeNext: '请检查标出的回答。',
    fixBeforeSubmit: '还有一些问题需要回答，之后才能提交。',
    saving: '正在保存…',
    saved: '已保存',
    saveFailedStorage:
      '尚未保存：这台电脑暂时无法存储您的回答。您的回答仍在这里，我们会继续尝试。如果这条提示一直存在，请告知前台。',
    saveFailedGone: '未能保存：此表格已不能再修改。请告知前台。',
    saveFailedOther:
      '尚未保存。您的回答仍在这里，我们会继续尝试。如果这条提示一直存在，请告知前台。',
    savedExcept: '已保存，但您对{questions}的回答除外：请检查该回答。其他内容均已保存。',
    submitted: '谢谢您。您的回答已发送给诊所。',
    submittedHandBack: '请现在把这台设备交还给前台。',
    submittedStaff: '问诊表已提交。',
    scaleMin: '0 = 完全不痛',
    scaleMax: '10 = 能想象到的最痛',
    scaleMinInterference: '0 = 没有影响',
    scaleMaxInterference: '10 = 完全受影响',
    characterCount: '已输入 {count} 个字符，最多 {max} 个',
    textTooLong: '已超出 {max} 个字符的上限 {over} 个字符。内容没有被删减：请您缩短。',
    complaintTrendHelp: '因为您的疼痛已经持续 6 周或更久，所以请回答这个问题。',
    followUpFor: '{name} 的复诊（出生日期：{date}）',
    saveConflict: '未保存：这份表格已在另一个屏幕上被修改。请在页面顶部选择要保留哪个版本。',
    conflictSubmit: '尚未提交：请先选择要保留哪个版本的回答。',
    conflict: {
      title: '您最新的回答尚未保存',
      body: '在本屏幕上次保存之后，这份表格已在另一个屏幕或设备上被修改。为避免丢失任何内容，本屏幕上的回答没有覆盖那个版本。请选择要保留哪个版本。',
      openLatest: '打开最新版本',
      openLatestHint: '显示在另一个屏幕上保存的版本。本屏幕自上次保存以来所做的修改将被放弃。',
      keepMine: '保留我的回答并保存',
      keepMineHint: '用本屏幕上的回答替换另一个版本并保存。',
      failed: '操作没有成功。请重试，或告诉前台工作人员。'
    }
  },
  validation: {
    'not-in-form': '这个问题不属于这份表格。',
    'not-an-object': '无法读取这些回答。',
    'unknown-item': '这个问题不属于本表。',
    'wrong-type': '这个回答的格式不对。',
    'unknown-code': '请从显示的选项中选择一项。',
    'duplicate-code': '有一个选项被选了两次。',
    'out-of-range': '请选择 0 到 10 之间的数字。',
    'invalid-date': '这不是一个有效的日期。请检查年、月、日。',
    'future-date': '这个日期还没有到，请检查一下。',
    'age-out-of-range': '这个出生日期是 120 多年前。请检查年份。',
    'too-long': '这个回答太长了，请写短一些。',
    'invalid-email': "这看起来不像电子邮箱地址。正确的格式例如：name{'@'}example.com。",
    required: '请回答这个问题。',
    'must-be-true': '请勾选此框才能继续。',
    'invalid-signature': '无法识别这个签名。请清除后重新签名。',
    'age-band-above-age': '这个年龄比您现在的年龄还大，请检查一下。',
    'birth-in-future': '出生日期不能晚于今天。请检查年、月、日。',
    'before-birth': '这个日期早于您的出生日期。请检查这里的年份，或您的出生日期。'
  },
  dateField: {
    day: '日',
    month: '月',
    year: '年',
    hint: '例如：1990 4 23',
    errors: {
      missingDay: '还没有填写“日”。请用数字填写，例如 23。',
      missingMonth: '还没有填写“月”。请用数字填写，例如四月填 4。',
      missingYear: '还没有填写“年”。请填写年份，例如 1990。',
      missingParts: '这个日期还没有填完整。请填写年、月、日。',
      yearDigits: '请用 4 位数字填写年份，例如 1990。',
      monthRange: '没有 {month} 月。请填写 1 到 12 之间的月份。',
      dayRange: '这个日期不存在：那个月只有 {days} 天。请检查日和月。',
      notReal: '这个日期不存在。请检查年、月、日。',
      birthTooLongAgo: '这个出生日期在 120 多年以前。请检查年份。'
    }
  },
  patientAlert: {
    title: '请您留在这里，并立即告知前台',
    body: '请您留在这里，不要离开，并立即告知前台工作人员。医生或治疗师会为您诊察。',
    bodyWithPhone:
      '请您留在这里，不要离开，并立即告知前台工作人员（如果前台没有人，请拨打诊所电话 {phone}）。医生或治疗师会为您诊察。',
    staffUnlock: '工作人员：请登录以继续'
  },
  items: {
    patient: {
      givenName: { label: '名字' },
      familyName: { label: '姓氏' },
      dateOfBirth: { label: '出生日期' },
      sex: {
        label: '性别',
        codes: { female: '女', male: '男', intersex: '间性', 'prefer-not-to-say': '不愿透露' }
      },
      phone: { label: '电话号码' },
      email: { label: '电子邮箱地址' },
      preferredLanguage: {
        label: '首选语言',
        codes: { en: 'English（英语）', zh: '简体中文', es: 'Español（西班牙语）' }
      },
      occupation: { label: '职业' },
      emergencyContactName: { label: '紧急联系人姓名' },
      emergencyContactPhone: { label: '紧急联系人电话' }
    },
    complaint: {
      onsetDate: { label: '这次背痛是从哪天开始的？' },
      duration: {
        label: '这次背痛已经有多久了？',
        codes: {
          'lt-1w': '不到 1 周',
          '1-6w': '1 到 6 周',
          '6-12w': '6 到 12 周',
          'gt-12w': '超过 12 周'
        }
      },
      onsetType: {
        label: '是突然开始的，还是慢慢开始的？',
        codes: { sudden: '突然开始', gradual: '慢慢开始' }
      },
      onsetContext: {
        label: '您第一次注意到它是在什么时候？',
        codes: {
          'during-workout': '锻炼的时候',
          'within-24h-after-workout': '锻炼后 24 小时之内',
          '24-72h-after-workout': '锻炼后 1 到 3 天',
          'daily-activity': '做日常活动的时候',
          'injury-or-fall': '受伤或摔倒以后',
          'no-clear-cause': '没有明显原因'
        }
      },
      activities: {
        label: '疼痛开始前后，您在做哪些活动？',
        codes: {
          deadlift: '硬拉',
          squat: '深蹲',
          'other-weights': '其他负重（器械）训练',
          abdominal: '腹部练习（练腹肌）',
          running: '跑步',
          cycling: '骑自行车',
          'team-sport': '团队运动',
          'yoga-pilates': '瑜伽或普拉提',
          'lifting-at-work-or-home': '在工作中或家里搬抬重物',
          other: '其他'
        }
      },
      trainingFactors: {
        label: '您的训练中有以下情况吗？',
        codes: {
          'trained-to-failure': '我练到了力竭（直到一下也做不动）',
          'increased-load': '我最近增加了重量或训练量',
          'returned-after-break': '我停练一段时间后刚恢复训练',
          'skipped-warm-up': '我没有做热身',
          'unsure-of-form': '我不确定自己的动作是否正确'
        }
      },
      description: { label: '请用您自己的话说说发生了什么。' },
      trend: {
        label: '从开始到现在，疼痛……',
        codes: { improving: '在好转', same: '差不多没变', worsening: '在加重' }
      }
    },
    pain: {
      regions: { label: '您哪里感到疼痛？' },
      quality: {
        label: '疼痛是什么样的感觉？',
        codes: {
          'dull-ache': '钝痛、隐隐作痛',
          sharp: '尖锐的痛',
          burning: '烧灼痛',
          shooting: '窜痛（像过电一样）',
          tingling: '刺麻感（像针扎或蚂蚁爬）',
          numbness: '麻木',
          cramping: '抽筋样的痛',
          stiffness: '僵硬'
        }
      },
      now: { label: '您现在有多痛？' },
      worst: { label: '过去一周里，您最痛的时候有多痛？' },
      pattern: {
        label: '以下哪些符合您的疼痛情况？',
        codes: {
          'morning-stiffness-over-30min': '起床后僵硬超过 30 分钟',
          'wakes-second-half-of-night': '后半夜会被痛醒',
          'improves-with-movement': '多活动活动会好一些',
          'worse-with-rest': '休息时会加重',
          'worse-sitting': '坐着时加重',
          'worse-bending': '弯腰时加重',
          'worse-cough-sneeze': '咳嗽或打喷嚏时加重',
          'eased-by-lying-down': '躺下后减轻',
          'weather-sensitive': '随天气变化'
        }
      }
    },
    peg: {
      pain: { label: '过去一周里，哪个数字最能代表您的平均疼痛程度？' },
      enjoyment: { label: '过去一周里，疼痛在多大程度上影响了您享受生活？' },
      activity: { label: '过去一周里，疼痛在多大程度上影响了您的日常活动？' }
    },
    rf: {
      bladder: {
        label:
          '您是否新出现了以下任何一种情况：开始排尿时很困难、不知不觉中漏尿，或者感觉不到尿液流出、感觉不到膀胱胀满（想小便的感觉）？',
        codes: ynu
      },
      bowel: {
        label:
          '您是否新出现了以下任何一种情况：控制不住大便（大便不由自主地流出），或者排大便时自己感觉不到？',
        codes: ynu
      },
      saddleNumbness: {
        label:
          '自从这次疼痛开始以来，您的腹股沟（大腿根）、生殖器、肛门周围或大腿内侧是否有麻木或针刺感，或者便后擦拭时感觉和平时不一样？',
        codes: ynu
      },
      sexualDysfunction: {
        label:
          '您是否新出现了以下任何一种情况：性生活时生殖器发麻、感觉变弱，或者勃起或射精有困难？',
        codes: { ...ynu, 'not-applicable': '不适用于我' }
      },
      bothLegs: {
        label: '您是否有从背部向下蔓延到两条腿的疼痛、麻木或刺麻感？（训练后的腿部肌肉酸痛不算。）',
        codes: ynu
      },
      legWeakness: {
        label:
          '您的腿或脚是否新出现了无力？例如走路时脚会绊住或拖在地上，或者腿突然发软、撑不住身体。（不是只有肌肉酸痛。）',
        codes: ynu
      },
      darkUrine: {
        label: '自从这次疼痛开始以来，您的尿液颜色是否变得很深，像浓茶或可乐一样？',
        codes: ynu
      },
      trauma: { label: '您最近是否摔倒过、出过事故，或者背部被撞击过？', codes: ynu },
      osteoporosis: {
        label: '您是否有骨质疏松症，或者曾经在轻微摔倒时发生骨折？',
        codes: ynu
      },
      steroids: {
        label:
          '您是否按医生处方服用糖皮质激素（皮质类固醇）药片或接受这类注射（例如泼尼松龙）超过 3 个月？（这里不是指健身增肌用的合成代谢类固醇。）',
        codes: ynu
      },
      cancerHistory: { label: '您现在是否患有癌症，或者以前得过癌症？', codes: ynu },
      weightLoss: { label: '过去 3 个月内，您是否在没有刻意减重的情况下体重下降了？', codes: ynu },
      nightPain: { label: '您晚上是否会疼痛，而且换个姿势也不能减轻？', codes: ynu },
      unwell: { label: '您是否觉得全身不适，整个人身体不舒服？', codes: ynu },
      fever: {
        label: '自从这次疼痛开始以来，您是否有过发烧、发冷（打寒战）或夜里出汗？',
        codes: ynu
      },
      recentInfection: {
        label: '过去 3 个月内，您是否有过用抗生素治疗的感染（例如尿路感染、皮肤感染或肺部感染）？',
        codes: ynu
      },
      ivDrugUse: { label: '您是否曾经注射过不是医生给您开的药物或毒品？', codes: ynu },
      immunosuppressed: {
        label:
          '您的身体抵抗感染的能力是否比较弱？例如因为化疗、器官移植、HIV 感染，或者正在使用会降低身体抵抗力的药物。',
        codes: ynu
      },
      spinalProcedure: {
        label:
          '过去 12 个月内，您是否做过脊柱手术，或者在脊柱部位打过针（例如硬膜外注射或其他脊柱注射）？',
        codes: ynu
      },
      abdominalPulsing: { label: '您是否感到肚子里有搏动感，或者一跳一跳的感觉？', codes: ynu }
    },
    history: {
      previousEpisodes: {
        label: '以前您有过几次类似这样的背痛？',
        codes: { none: '从来没有', '1-2': '一两次', '3-or-more': '3 次或更多' }
      },
      firstBackPainAge: {
        label: '您第一次出现这样的背痛时是多少岁？',
        codes: { 'under-35': '35 岁以下', '35-44': '35 到 44 岁', '45-or-over': '45 岁或以上' }
      },
      treatmentsTried: {
        label: '这次背痛，您已经试过哪些方法？',
        codes: {
          rest: '休息',
          'ice-heat': '冰敷或热敷',
          nsaids: '抗炎止痛药（例如布洛芬）',
          paracetamol: '对乙酰氨基酚（扑热息痛）',
          physiotherapy: '物理治疗',
          chiropractic: '整脊治疗',
          massage: '按摩',
          injection: '打针（注射治疗）',
          surgery: '手术'
        }
      },
      nsaidResponse: {
        label: '如果您吃过抗炎止痛药（例如布洛芬），有用吗？',
        codes: {
          'good-within-48h': '有用，2 天内明显好转',
          'little-or-none': '作用很小或没有作用',
          'not-tried': '我没有试过'
        }
      },
      conditions: {
        label: '您是否患有以下疾病？',
        codes: {
          diabetes: '糖尿病',
          'heart-disease': '心脏病',
          'inflammatory-bowel-disease': '克罗恩病或溃疡性结肠炎',
          psoriasis: '银屑病（牛皮癣）',
          uveitis: '葡萄膜炎（一种眼睛发炎）',
          'inflammatory-arthritis': '炎性关节炎',
          enthesitis: '肌腱连接骨头的地方肿胀疼痛（例如脚后跟后面）',
          'depression-anxiety': '抑郁或焦虑'
        }
      },
      familySpA: {
        label: '您的父母、子女或兄弟姐妹中，是否有人患有强直性脊柱炎或脊柱关节炎？',
        codes: ynu
      },
      pregnancy: {
        label: '您是否正在怀孕，或者在过去 6 个月内生过孩子？',
        codes: {
          pregnant: '我正在怀孕',
          'postpartum-6-months': '我在过去 6 个月内生过孩子',
          no: '否',
          'not-applicable': '不适用于我'
        }
      },
      smoking: {
        label: '您吸烟吗？',
        codes: { current: '吸烟', former: '以前吸，现在已经戒了', never: '从来不吸' }
      },
      anticoagulants: {
        label: '您是否在服用让血液不容易凝固的药（抗凝药，例如华法林、阿哌沙班或利伐沙班）？',
        codes: ynu
      },
      medications: { label: '您在服用哪些药物？' },
      allergies: { label: '您有什么过敏吗？' },
      surgeries: { label: '您做过手术吗？' }
    },
    goals: {
      text: {
        label: '您希望重新做回哪些事情？（例如“重新做硬拉”“跑 5 公里”“把孩子抱起来”）'
      }
    },
    consent: {
      treatment: { label: '我同意接受评估和治疗。我明白我可以随时提问，也可以随时停止。' },
      privacy: { label: '我已经阅读了诊所如何保存和使用我的信息，并且同意。' },
      signedBy: { label: '签名人的全名（您本人，或者您的父母或监护人）' },
      signerRelationship: {
        label: '由谁签名？',
        codes: {
          self: '患者本人（我自己）',
          'parent-or-guardian': '父母或监护人',
          representative: '其他代理人'
        },
        help: '如果患者未满 16 岁，必须由父母、监护人或代理人签名。'
      },
      signature: { label: '签名' }
    },
    followUp: {
      change: {
        label: '与上次就诊时相比，您的背部现在怎么样？',
        codes: {
          'much-better': '好多了',
          better: '好了一点',
          same: '差不多',
          worse: '差了一点',
          'much-worse': '差多了'
        }
      }
    }
  },
  bodyMap: {
    front: '正面',
    back: '背面',
    yourLeft: '您的左边',
    yourRight: '您的右边',
    listLabel: '疼痛部位（列表）',
    selected: '已选择 {count} 个部位',
    regions: {
      'low-back-left': '腰部（下背部），左边',
      'low-back-centre': '腰部（下背部），中间',
      'low-back-right': '腰部（下背部），右边',
      'buttock-left': '左边臀部',
      'buttock-right': '右边臀部',
      'thigh-left': '左大腿',
      'thigh-right': '右大腿',
      'below-knee-left': '左腿膝盖以下',
      'below-knee-right': '右腿膝盖以下',
      'foot-left': '左脚',
      'foot-right': '右脚',
      'groin-saddle': '腹股沟或鞍区（骑车时接触车座的部位）',
      'mid-back': '两块肩胛骨之间或下方',
      'upper-back': '上背部',
      neck: '脖子',
      'shoulder-left': '左肩',
      'shoulder-right': '右肩',
      abdomen: '肚子（腹部）',
      'flank-left': '左边侧腰',
      'flank-right': '右边侧腰'
    }
  },
  signature: {
    instructions: '请用手指、触控笔或鼠标在框内签名。',
    clear: '清除',
    redo: '重新签名',
    signed: '已签名',
    empty: '尚未签名',
    canvasLabel: '签名板'
  },
  startBack: {
    englishNotice:
      '这份问卷以英文显示，因为英文版是经过验证的原版措辞。如果需要，工作人员可以帮助您。'
  },
  privacyNotice: {
    title: '隐私声明',
    intro: '在勾选隐私选项之前，请先打开并阅读诊所如何保存和使用您的信息。',
    openNotice: '阅读隐私声明',
    readFirst: '请先阅读隐私声明。',
    loadFailed: '无法显示隐私声明。请重试，或询问前台工作人员。',
    defaultText: [
      '本声明说明诊所如何处理您在本表中提供的信息。',
      '我们收集哪些信息：您的姓名、出生日期和联系方式，以及您的健康信息，包括您的背痛情况、您对本表问题的回答和您的签名。',
      '我们为什么收集：为了评估您的背痛，计划并为您提供安全的治疗，并保存医疗专业人员必须保存的临床记录。',
      '谁可以看到：本诊所为您提供治疗的临床人员，以及负责诊所运作的工作人员。我们不会出售您的信息。只有在您同意，或法律要求或允许时（例如为了保护他人免受严重伤害），我们才会与他人分享。',
      '信息保存在哪里：保存在本诊所自己的电脑上，而不是在互联网上。',
      '保存多久：按照法律对健康记录的要求保存。',
      '您的权利：您可以要求查看我们保存的关于您的信息，要求我们更正任何错误，询问我们如何使用这些信息，如果不满意也可以投诉。您也可以向您所在地的隐私或数据保护机构投诉。',
      '有疑问：请询问前台工作人员。您也可以索取本声明的副本。'
    ].join('\n\n')
  }
}

export default messages
