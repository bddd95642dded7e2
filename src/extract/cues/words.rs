//! Closed word classes the cue parser stops or turns on (complementizers, prepositions,
//! particles…), given names, and the head nouns that give a source its type.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::annotate::model::SourceType;
use crate::text::normalize::normalize_str as fold_str;

pub(super) type WordSet = HashSet<String>;

pub(super) fn set(words: &str) -> WordSet {
    words.split_whitespace().map(fold_str).collect()
}

pub(super) static COMPLEMENTIZERS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "أن إن أنه إنه أنها إنها أنهم إنهم أنهما أننا إننا أنني إنني بأن بأنه بأنها بأنهم بأنهما \
         فإن فإنه فإنها وأن وإن",
    )
});
pub(super) static PREPOSITIONS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "في عبر على من إلى الى عن خلال أمام مع حول بعد قبل منذ لدى ضد حتى عند نحو بين دون \
         عنه عنها عنهم عليه عليها فيه فيها له لها لهم لنا إليه إليها ل ب لـ بـ وفي وعلى ومن \
         وعن وخلال ومع",
    )
});
pub(super) static ADVERBS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة اليوم أمس الليلة مساء صباح \
         أيضا كذلك بدوره بدورها بدورهم مؤخرا سابقا لاحقا حينها آنذاك",
    )
});
/// Words that may stand between a comma and the cue that starts a new attribution.
pub(super) static CONNECTIVES: LazyLock<WordSet> =
    LazyLock::new(|| set("مع أنه أنها كما وكما لكنه لكنها ولكنه غير إلا أن و ثم فيما وقد قد"));
/// News outlets that follow ل as the addressee of a statement (`قال لرويترز`).
pub(super) static OUTLETS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "رويترز فرانس الجزيرة العربية الأناضول سبوتنيك الشرق الأوسط الحياة النهار سي بي \
         أسوشيتد اسوشيتد شينخوا إيتار تاس الحرة سكاي يورونيوز",
    )
});
/// `كان` and its sisters, which put the subject before a later verb.
pub(super) static AUXILIARIES: LazyLock<WordSet> = LazyLock::new(|| {
    set("كان كانت كانوا وكان وكانت وكانوا فكان ظل ظلت مازال ما زال لا يزال لايزال ليس")
});
pub(super) static PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| set("قد وقد فقد لقد ولقد كما وكما ثم كذلك"));
pub(super) static RELATIVES: LazyLock<WordSet> =
    LazyLock::new(|| set("الذي التي الذين اللذين اللتين اللواتي اللاتي ما مما وما"));
/// Words before `أن` that make it a subordinator of time or necessity, not a complement.
pub(super) static NOT_COMPLEMENT_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| set("قبل بعد منذ إلا يجب يمكن لابد بد دون بمجرد حتى"));
pub(super) static NAME_PARTICLES: LazyLock<WordSet> =
    LazyLock::new(|| set("بن ابن بنت أبو أبي أم عبد آل ولد"));
/// Masdar objects often announced (`أعلن مقتل …`): never read as part of a name.
pub(super) static OBJECT_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "مقتل مصرع اعتقال انتهاء بدء رفع فرض وقف إطلاق استهداف سقوط إصابة تعيين إلغاء قيام وجود \
         عدم نجاح فشل رفض موافقة دعم التزام استعداد تأجيل تعليق تشكيل إرسال تسليم عودة وصول فتح \
         إغلاق تدمير ضبط مصادرة القضاء حصول تسجيل ارتفاع انخفاض تراجع زيادة نقل توقيع",
    )
});
/// Given names common in Arabic news (Arab and foreign), to tell a name from a masdar object.
pub(super) static GIVEN_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد سعيد سعد سعود فهد فيصل عبدالله عبدالرحمن \
         عبدالعزيز إبراهيم إسماعيل يوسف يعقوب موسى عيسى سليمان سلمان داود طارق زياد زيد رامي سامي \
         سمير ناصر نصر منصور ماهر مازن مروان هشام وليد وائل وسام عادل عماد عمار أنور أمين أيمن \
         أسامة أسعد إياد جمال كمال نبيل نادر نور نزار هاني هادي هيثم حازم حمزة حمد حامد حاتم جواد \
         جاسم جعفر رياض رضا رشيد صالح صلاح فادي فراس فؤاد قاسم كريم لؤي مجدي مهدي مراد معاذ \
         ياسر ياسين يحيى بشار بشير تامر توفيق جبران جورج ميشال ميشيل بطرس إلياس نجيب نبيه شريف \
         عصام غسان أكرم باسل باسم بسام حسام رائد سالم سلطان شادي صابر ضياء عزت علاء عمرو غازي \
         فتحي لطفي ماجد مالك محسن مختار مصعب معتز منير نايف هيثم وحيد يزن \
         فاطمة عائشة مريم زينب خديجة سارة ليلى هدى منى نادية سميرة رانيا رنا دينا ريم لينا \
         هالة هبة أسماء آمنة سلمى سعاد نجلاء ملكة \
         دونالد جو جوزيف باراك جون جيمس ويليام مايكل روبرت ديفيد بيتر بول فلاديمير سيرغي \
         إيمانويل أنطونيو أنتوني كارولين ماركو مارك كير أنالينا أولاف ريشي بنيامين يوآف إيتمار \
         رجب هاكان كمالا هيلاري أنجيلا تيريزا بوريس كريستين أورسولا جان فرانسوا نيكولا",
    )
});
pub(super) static NISBA_ADJECTIVES: LazyLock<WordSet> = LazyLock::new(|| {
    set(
        "مطلعة مطلع محلية محلي أمنية أمني عسكرية عسكري طبية طبي رسمية رسمي حكومية حكومي دبلوماسية \
         دبلوماسي مسؤول مسؤولة رفيع رفيعة كبير كبيرة بارز بارزة مقربة مقرب متطابقة موثوقة \
         عيان عيانا محليون محليين إعلامية إعلامي قضائية قضائي سياسية سياسي",
    )
});

/// Head words (without ال) and the source type they give.
pub(super) fn head_type(bare: &str) -> Option<SourceType> {
    static TABLE: LazyLock<HashMap<String, SourceType>> = LazyLock::new(|| {
        use SourceType::*;
        let groups: [(&str, SourceType); 11] = [
            (
                "متحدث متحدثة ناطق ناطقة وزير وزيرة وزارة وزراء رئيس رئيسة رئاسة مدير مديرة محافظ \
                 محافظة قائد سفير سفيرة نائب نائبة أمين مستشار مستشارة ملك أمير عميد لواء عقيد \
                 جنرال حكومة جيش شرطة داخلية خارجية دفاع سلطات قوات مجلس برلمان مكتب نيابة محكمة \
                 بلدية أمن إدارة جهاز كرملين رئاسة الرئيس",
                Official,
            ),
            ("مصدر مصادر أوساط جهات", Anonymous),
            ("مسؤول مسؤولون مسؤولين", AnonymousOfficial),
            ("شهود شاهد شاهدة", Eyewitness),
            (
                "سكان أهالي ناجون ناجين ضحايا أقارب عائلة ذوو مصابون نازحون لاجئون",
                AffectedPerson,
            ),
            (
                "خبير خبيرة خبراء محلل محللة محللون باحث باحثة باحثون أستاذ أكاديمي عالم علماء \
                 طبيب طبيبة أطباء دكتور دكتورة",
                Expert,
            ),
            (
                "منظمة جمعية هيئة اتحاد حزب حركة شركة مؤسسة لجنة أمم صندوق برنامج مفوضية مرصد \
                 تحالف نقابة",
                Organization,
            ),
            (
                "وكالة صحيفة موقع قناة تلفزيون إذاعة شبكة وسائل مجلة جريدة",
                MediaOutlet,
            ),
            (
                "حساب ناشطون ناشطين مدونون مغردون رواد صفحة منصة",
                SocialMedia,
            ),
            ("بيان تقرير وثيقة دراسة رسالة بلاغ إحصاءات", Document),
            ("مراسل مراسلة مراسلنا صحفي صحافي صحفية", Journalist),
        ];
        let mut map = HashMap::new();
        for (words, ty) in groups {
            for w in words.split_whitespace() {
                map.insert(fold_str(w), ty);
            }
        }
        map
    });
    TABLE.get(bare).copied()
}

/// Heads whose noun phrase may end with a personal name (`الوزير فلان`).
pub(super) fn is_role(bare: &str) -> bool {
    matches!(
        head_type(bare),
        Some(SourceType::Official | SourceType::Expert | SourceType::Journalist)
    ) || matches!(bare, "مسؤول")
}

pub(super) fn bare(key: &str) -> &str {
    key.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(key)
}

pub(super) fn in_set(set: &WordSet, key: &str) -> bool {
    set.contains(key)
}

pub(super) fn is_definite(key: &str) -> bool {
    key.starts_with("ال") && key.chars().count() > 3
}

/// `الإخباري`, `السورية`: a word that can end a phrase as an adjective.
pub(super) fn is_nisba(key: &str) -> bool {
    let b = bare(key);
    in_set(&NISBA_ADJECTIVES, key)
        || (b.chars().count() >= 4 && (b.ends_with('ي') || b.ends_with("يه") || b.ends_with("يون")))
}

/// `انتهاء`, `استهداف`, `تفعيل`: shaped like a verbal noun.
pub(super) fn is_masdar_like(key: &str) -> bool {
    let b = bare(key);
    let chars: Vec<char> = b.chars().collect();
    let n = chars.len();
    in_set(&OBJECT_NOUNS, key)
        || in_set(&OBJECT_NOUNS, b)
        || (n >= 5 && chars[0] == 'ا' && chars[n - 2] == 'ا')
        || (n >= 5 && chars[0] == 'ت' && chars[n - 2] == 'ي')
}
