"""Words for believable demo and benchmark organizations: towns, purposes and names.

Plain data with no Django imports, so benchmarks can use it before Django starts.
"""

TOWNS = {
    "01": [("القاهرة", "Cairo"), ("حلوان", "Helwan"), ("شبرا", "Shubra"), ("المطرية", "Matariya")],
    "02": [
        ("الإسكندرية", "Alexandria"),
        ("برج العرب", "Borg El Arab"),
        ("العامرية", "Amreya"),
        ("المنتزه", "Montaza"),
    ],
    "03": [("بورسعيد", "Port Said"), ("بورفؤاد", "Port Fouad")],
    "04": [("السويس", "Suez"), ("الأربعين", "Arbaeen")],
    "11": [("دمياط", "Damietta"), ("فارسكور", "Faraskur"), ("كفر سعد", "Kafr Saad")],
    "12": [
        ("المنصورة", "Mansoura"),
        ("طلخا", "Talkha"),
        ("ميت غمر", "Mit Ghamr"),
        ("دكرنس", "Dikirnis"),
    ],
    "13": [
        ("الزقازيق", "Zagazig"),
        ("بلبيس", "Belbeis"),
        ("منيا القمح", "Minya El Qamh"),
        ("أبو حماد", "Abu Hammad"),
    ],
    "14": [("بنها", "Benha"), ("شبرا الخيمة", "Shubra El Kheima"), ("قليوب", "Qalyub")],
    "15": [("كفر الشيخ", "Kafr El Sheikh"), ("دسوق", "Desouk"), ("بيلا", "Bila")],
    "16": [("طنطا", "Tanta"), ("المحلة الكبرى", "El Mahalla El Kubra"), ("زفتى", "Zifta")],
    "17": [("شبين الكوم", "Shebin El Kom"), ("منوف", "Menouf"), ("أشمون", "Ashmoun")],
    "18": [("دمنهور", "Damanhour"), ("كفر الدوار", "Kafr El Dawwar"), ("رشيد", "Rashid")],
    "19": [("الإسماعيلية", "Ismailia"), ("فايد", "Fayed"), ("القنطرة", "El Qantara")],
    "21": [("الجيزة", "Giza"), ("إمبابة", "Imbaba"), ("الصف", "El Saff"), ("أوسيم", "Awsim")],
    "22": [("بني سويف", "Beni Suef"), ("الواسطى", "El Wasta"), ("ببا", "Beba")],
    "23": [("الفيوم", "Fayoum"), ("سنورس", "Sinnuris"), ("طامية", "Tamiya")],
    "24": [("المنيا", "Minya"), ("ملوي", "Mallawi"), ("سمالوط", "Samalut"), ("مغاغة", "Maghagha")],
    "25": [("أسيوط", "Assiut"), ("ديروط", "Dairut"), ("منفلوط", "Manfalut")],
    "26": [("سوهاج", "Sohag"), ("أخميم", "Akhmim"), ("جرجا", "Girga")],
    "27": [("قنا", "Qena"), ("نجع حمادي", "Nag Hammadi"), ("قوص", "Qus")],
    "28": [("أسوان", "Aswan"), ("كوم أمبو", "Kom Ombo"), ("إدفو", "Edfu")],
    "29": [("الأقصر", "Luxor"), ("إسنا", "Esna"), ("أرمنت", "Armant")],
    "31": [("الغردقة", "Hurghada"), ("سفاجا", "Safaga"), ("القصير", "El Quseir")],
    "32": [("الخارجة", "Kharga"), ("الداخلة", "Dakhla")],
    "33": [("مرسى مطروح", "Marsa Matruh"), ("الضبعة", "El Dabaa"), ("سيوة", "Siwa")],
    "34": [("العريش", "Arish"), ("بئر العبد", "Bir al-Abd")],
    "35": [("الطور", "El Tor"), ("شرم الشيخ", "Sharm El Sheikh"), ("دهب", "Dahab")],
}

PURPOSES = [
    ("رعاية الأيتام", "Orphan Care", ["orphans", "childhood"]),
    ("تنمية المجتمع المحلي", "Community Development", ["community_development"]),
    ("رعاية المسنين", "Elderly Care", ["elderly"]),
    ("خدمات الأشخاص ذوي الإعاقة", "Disability Services", ["disability"]),
    ("تنمية المرأة الريفية", "Rural Women's Development", ["women", "microfinance"]),
    ("محو الأمية وتعليم الكبار", "Literacy and Adult Education", ["education"]),
    ("الخدمات الصحية", "Health Services", ["health"]),
    ("حماية البيئة", "Environmental Protection", ["environment"]),
    ("رعاية الطفولة والأمومة", "Mother and Child Care", ["childhood"]),
    ("الشباب والتحول الرقمي", "Youth and Digital Skills", ["youth_sports", "digital"]),
    ("المساعدات الاجتماعية والإغاثة", "Social Aid and Relief", ["social_aid", "relief"]),
    ("المشروعات الصغيرة", "Small Enterprises", ["microfinance"]),
    ("التوعية القانونية وحقوق الإنسان", "Legal Awareness and Human Rights", ["human_rights"]),
    ("الثقافة والفنون", "Culture and Arts", ["culture"]),
]

NAMES = [
    ("الخير", "Al-Khair"),
    ("الأمل", "Al-Amal"),
    ("النور", "Al-Nour"),
    ("الرحمة", "Al-Rahma"),
    ("الوفاء", "Al-Wafaa"),
    ("السلام", "Al-Salam"),
    ("التكافل", "Al-Takaful"),
    ("الفجر الجديد", "New Dawn"),
    ("أبناء البلد", "Sons of the Land"),
    ("البر والتقوى", "Al-Birr"),
    ("المستقبل", "Al-Mustaqbal"),
    ("الهدى", "Al-Huda"),
    ("صناع الحياة", "Life Makers"),
    ("الإحسان", "Al-Ihsan"),
    ("يد بيد", "Hand in Hand"),
]

STREETS = [
    "الجمهورية",
    "التحرير",
    "سعد زغلول",
    "النيل",
    "الجلاء",
    "23 يوليو",
    "الثورة",
    "المحطة",
    "المدارس",
    "البحر",
]
