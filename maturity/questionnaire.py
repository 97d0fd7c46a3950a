"""The questionnaire Sanad ships with (migration 0002 loads it; the ministry edits it in the
admin): six dimensions, four statements each, every statement rated on the NCVO scale.
``competences`` name the training competences whose courses help a weak dimension."""

DIMENSIONS = (
    {
        "code": "governance",
        "name_ar": "الحوكمة والاستراتيجية",
        "name_en": "Governance and strategy",
        "competences": ["digital-services"],
        "statements": (
            (
                "لدى مجلس الإدارة خطة مكتوبة لاستخدام التكنولوجيا في عمل الجمعية.",
                "The board has a written plan for using technology in the organization's work.",
            ),
            (
                "يُخصَّص جزء من الموازنة السنوية للأدوات والمهارات الرقمية.",
                "Part of the annual budget goes to digital tools and skills.",
            ),
            (
                "يتابع شخص مسؤول التحول الرقمي ويقدم تقريراً دورياً للمجلس.",
                "A named person leads digital change and reports to the board regularly.",
            ),
            (
                "تُقاس نتائج المبادرات الرقمية ويُعدَّل المسار بناءً عليها.",
                "The results of digital initiatives are measured and plans change because of them.",
            ),
        ),
    },
    {
        "code": "data-protection",
        "name_ar": "حماية البيانات وأمن المعلومات",
        "name_en": "Data protection and security",
        "competences": ["data-protection", "online-safety"],
        "statements": (
            (
                "بيانات المستفيدين محفوظة في مكان آمن لا يصل إليه إلا من يحتاجها.",
                "Beneficiaries' data is kept where only those who need it can reach it.",
            ),
            (
                "نأخذ موافقة المستفيد قبل جمع بياناته ونشرح له الغرض منها.",
                "We ask beneficiaries' consent before collecting their data and explain why.",
            ),
            (
                "الحسابات محمية بكلمات مرور قوية وبخطوة تحقق ثانية.",
                "Accounts are protected by strong passwords and a second sign-in step.",
            ),
            (
                "لدينا نسخة احتياطية من بياناتنا المهمة جرّبنا استرجاعها.",
                "We keep a backup of important data and have tried restoring it.",
            ),
        ),
    },
    {
        "code": "services",
        "name_ar": "الخدمات الرقمية للمستفيدين",
        "name_en": "Digital services to beneficiaries",
        "competences": ["digital-services"],
        "statements": (
            (
                "يستطيع المستفيد التقدم لخدماتنا أو التواصل معنا دون أن يحضر بنفسه.",
                "Beneficiaries can apply for our services or reach us without coming in person.",
            ),
            (
                "نعرف القنوات الرقمية التي يستخدمها مستفيدونا ونصلهم عبرها.",
                "We know which digital channels our beneficiaries use and reach them there.",
            ),
            (
                "نساعد المستفيدين الأقل مهارة على استخدام الخدمات الرقمية.",
                "We help beneficiaries with fewer skills to use digital services.",
            ),
            (
                "نسأل المستفيدين عن رأيهم في خدماتنا الرقمية ونحسّنها.",
                "We ask beneficiaries what they think of our digital services and improve them.",
            ),
        ),
    },
    {
        "code": "skills",
        "name_ar": "مهارات العاملين والمتطوعين",
        "name_en": "Staff and volunteers' skills",
        "competences": ["basic-use", "online-safety"],
        "statements": (
            (
                "يستخدم العاملون البريد الإلكتروني والمستندات المشتركة في عملهم اليومي.",
                "Staff use e-mail and shared documents in their daily work.",
            ),
            (
                "نعرف المهارات الرقمية التي تنقص العاملين والمتطوعين.",
                "We know which digital skills our staff and volunteers lack.",
            ),
            (
                "حصل العاملون على تدريب رقمي خلال العام الماضي.",
                "Staff had digital training in the past year.",
            ),
            (
                "يستطيع العاملون التعرف على رسائل الاحتيال والتصرف معها.",
                "Staff can recognize fraudulent messages and know what to do.",
            ),
        ),
    },
    {
        "code": "tools",
        "name_ar": "الأدوات والبنية التحتية",
        "name_en": "Tools and infrastructure",
        "competences": ["basic-use"],
        "statements": (
            (
                "لدينا أجهزة واتصال بالإنترنت يكفيان العمل اليومي.",
                "We have enough devices and internet connection for daily work.",
            ),
            (
                "نستخدم برنامجاً للحسابات بدلاً من الدفاتر الورقية.",
                "We use accounting software instead of paper ledgers.",
            ),
            (
                "ملفات الجمعية محفوظة في مكان واحد يصل إليه الفريق.",
                "The organization's files are kept in one place the team can reach.",
            ),
            ("الأجهزة والبرامج مرخصة ومحدثة.", "Devices and software are licensed and up to date."),
        ),
    },
    {
        "code": "data",
        "name_ar": "البيانات والتقارير",
        "name_en": "Data and reporting",
        "competences": ["data-reporting"],
        "statements": (
            (
                "نسجل المستفيدين والخدمات المقدمة لهم في سجل رقمي واحد.",
                "We record beneficiaries and the services they receive in one digital register.",
            ),
            (
                "نستخرج أرقام تقاريرنا من السجل لا من العد اليدوي.",
                "Our report figures come from the register, not from counting by hand.",
            ),
            (
                "نقيس مؤشرات نتائجنا بانتظام ونقارنها بالمستهدف.",
                "We measure our result indicators regularly against their targets.",
            ),
            (
                "ننشر أرقام أعمالنا ونتائجنا للجمهور.",
                "We publish our activity and results figures to the public.",
            ),
        ),
    },
)
