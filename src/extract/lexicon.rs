//! Trigger and function-word lexicons of the built-in extractor (titles, head nouns, month and
//! weekday names, number words, currencies, stop words), written for isnad from the research
//! notes (notes/arabic-extraction.md §2.4; month series as published in CLDR). Words are given
//! in ordinary spelling and normalised when the lexicon is built.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::normalize::normalize_str;

/// Word classes, as bit flags so one word can belong to several.
pub mod class {
    pub const TITLE: u32 = 1;
    /// Titles that are followed by a name almost always (honorifics, ranks).
    pub const HONORIFIC: u32 = 1 << 1;
    pub const ORG_HEAD: u32 = 1 << 2;
    pub const GPE_HEAD: u32 = 1 << 3;
    pub const LOC_HEAD: u32 = 1 << 4;
    pub const FAC_HEAD: u32 = 1 << 5;
    pub const MONTH: u32 = 1 << 6;
    /// First word of a two-word month name (كانون الثاني، ربيع الأول، ذو الحجة).
    pub const MONTH_FIRST: u32 = 1 << 7;
    /// Month names that are also ordinary words or given names (مارس، صفر، رمضان…).
    pub const MONTH_AMBIGUOUS: u32 = 1 << 8;
    pub const WEEKDAY: u32 = 1 << 9;
    /// عام، سنة: introduce a year.
    pub const YEAR_WORD: u32 = 1 << 10;
    pub const RELATIVE_DATE: u32 = 1 << 11;
    /// Words that make a relative date with a following period (الماضي، المقبل…).
    pub const PERIOD_WORD: u32 = 1 << 12;
    pub const STOP: u32 = 1 << 13;
    pub const CUE: u32 = 1 << 14;
    pub const NUMBER_WORD: u32 = 1 << 15;
    pub const SCALE: u32 = 1 << 16;
    pub const CURRENCY: u32 = 1 << 17;
    pub const PERCENT_WORD: u32 = 1 << 18;
    pub const GIVEN_NAME: u32 = 1 << 19;
    /// Given names that are also common words; never a name on their own.
    pub const AMBIGUOUS_NAME: u32 = 1 << 20;
    pub const NAME_CONNECTOR: u32 = 1 << 21;
    pub const ERA: u32 = 1 << 22;
    pub const DAY_PART: u32 = 1 << 23;
    pub const TIME_WORD: u32 = 1 << 24;
    /// Plural nouns for groups of people (nationalities, communities).
    pub const NORP: u32 = 1 << 25;
    /// Head nouns of events (حرب، انتفاضة، مؤتمر…).
    pub const EVENT_HEAD: u32 = 1 << 26;
    /// Standalone definite institutions (الحكومة، الجيش) tagged ORG without a complement.
    pub const ORG_STANDALONE: u32 = 1 << 27;
    /// Compass directions (شمال، جنوب…), which join a following place into a LOC.
    pub const DIRECTION: u32 = 1 << 28;
    /// Titles that only count before a known given name (الشاب، الطفل، المواطن).
    pub const WEAK_TITLE: u32 = 1 << 29;
}

const TITLES: &str = "رئيس الرئيس رئيسة الرئيسة نائب النائب نائبة النائبة وزير الوزير وزيرة الوزيرة \
 الملك الملكة ملك الأمير الأميرة أمير السلطان سلطان ولي الأمين أمين السيناتور السفير السفيرة سفير \
 القنصل المبعوث مبعوث المندوب مندوب المتحدث المتحدثة الناطق الناطقة متحدث ناطق المستشار المستشارة \
 مستشار المحافظ محافظ العمدة المختار الحاكم حاكم الزعيم زعيم القيادي المسؤول المفوض المنسق منسق \
 مدير المدير مديرة المديرة القائد قائد الجنرال الأدميرال الضابط المرشد المرشح المرشحة النائب \
 الإمام المفتي البطريرك المطران الكاردينال الحاخام القس \
 الصحفي الصحفية الكاتب الكاتبة الشاعر الشاعرة الفنان الفنانة الممثل الممثلة المخرج المخرجة اللاعب \
 اللاعبة النجم النجمة المدرب الناشط الناشطة المعارض المعارضة الباحث الباحثة الخبير الخبيرة \
 المحلل المراسل المراسلة الطبيب الطبيبة المحامي المحامية القاضي القاضية المهندس المهندسة الأسير \
 الأسيرة المعتقل المعتقلة الراحل الراحلة المرحوم \
 الكابتن المغني المغنية الملحن الروائي الروائية المؤرخ الأكاديمي الفيلسوف الرسام المصور الإعلامي \
 الإعلامية المذيع المذيعة سكرتير السكرتير عضو العضو رئيسها رئيسه أمينها ";

const HONORIFICS: &str = "السيد السيدة الآنسة الشيخ الشيخة الدكتور الدكتورة د دكتور الأستاذ الأستاذة \
 البروفيسور الحاج الحاجة اللواء العميد العقيد المقدم الرائد النقيب الملازم الفريق المشير العماد \
 الشهيد الشهيدة سيادة فخامة سمو جلالة معالي سماحة الأب الأخ الأخت ";

const WEAK_TITLES: &str = "الطفل الطفلة الشاب الشابة المواطن المواطنة الفتى الفتاة السيدة الرجل \
 المرأة ابنه ابنها زوجة زوجته زوجها شقيق شقيقه شقيقة والد والده والدة ";

const ORG_HEADS: &str = "وزارة هيئة مؤسسة شركة منظمة جمعية اتحاد مجلس لجنة حزب حركة جبهة تنظيم جماعة \
 كتائب كتيبة سرايا فرقة جيش قوات شرطة جهاز مديرية دائرة مكتب مركز معهد جامعة كلية مصرف بنك صندوق \
 وكالة صحيفة جريدة مجلة قناة إذاعة تلفزيون محكمة نيابة برلمان بلدية نقابة غرفة بورصة تحالف ائتلاف \
 رابطة مفوضية سلطة إدارة قيادة أمانة برنامج حكومة الحكومة المفوضية المنظمة الوزارة اللجنة \
 الهيئة الجمعية المؤسسة الشركة الحركة الجبهة الجماعة القوات الشرطة الجيش الجهاز المجلس المركز \
 المعهد الجامعة المحكمة البرلمان النقابة التحالف الائتلاف الرابطة السلطة الإدارة القيادة الأمانة \
 الوكالة البنك الصندوق الاتحاد الحزب التنظيم المكتب الدائرة المديرية صحيفة الصحيفة الجريدة المجلة \
 القناة الإذاعة أكاديمية الأكاديمية مدرسة المدرسة نادي النادي منتدى المنتدى ";

const ORG_STANDALONE_WORDS: &str = "الحكومة الجيش الشرطة الوزارة المفوضية الهيئة البرلمان الكنيست الكونغرس \
 الداخلية الخارجية الاحتلال النظام السلطات الميليشيات ";

const GPE_HEADS: &str = "دولة جمهورية مملكة إمارة سلطنة ولاية محافظة مقاطعة إقليم منطقة مدينة بلدة قرية \
 ناحية قضاء حي مخيم ريف ضاحية مدينتي ";

const LOC_HEADS: &str = "نهر بحر بحيرة خليج مضيق جزيرة جبل جبال وادي صحراء هضبة شاطئ ساحل غابة \
 واحة ";

const FAC_HEADS: &str = "مسجد جامع كنيسة مستشفى سجن معتقل قاعدة مطار ميناء معبر فندق قصر برج ملعب استاد \
 محطة مصفاة مصنع مقبرة طريق شارع ساحة ميدان جسر سد حاجز مقام قلعة دوار مجمع ";

const EVENT_HEADS: &str = "حرب انتفاضة ثورة مؤتمر قمة مهرجان بطولة كأس دورة انتخابات معركة مجزرة اتفاقية \
 اتفاق عملية هجوم ";

const DIRECTIONS: &str = "شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي ";

/// Single-word month names of the four series (Egypt/Gulf, Levant/Iraq, Algeria/Tunisia, Morocco)
/// and the Hijri months.
const MONTHS: &str = "يناير فبراير أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر \
 شباط آذار نيسان أيار حزيران تموز أيلول جانفي فيفري أفريل جويلية يوليوز شتنبر نونبر دجنبر \
 محرم ";

const MONTHS_AMBIGUOUS: &str = "مارس ماي جوان أوت غشت آب صفر رجب شعبان رمضان شوال ";

/// First words of two-word month names; the second word is checked by the rule.
const MONTH_FIRST_WORDS: &str = "كانون تشرين ربيع جمادى ذو ذي تشرن ";

const WEEKDAYS: &str = "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت أحد اثنين إثنين \
 ثلاثاء أربعاء خميس جمعة سبت ";

const YEAR_WORDS: &str = "عام سنة العام السنة أعوام سنوات ";

const RELATIVE_DATES: &str = "أمس البارحة غدا غداً اليوم الأمس الغد حاليا حالياً الآن ";

const PERIOD_WORDS: &str = "الماضي الماضية المقبل المقبلة القادم القادمة الجاري الجارية الحالي الحالية \
 المنصرم المنصرمة الفائت الفائتة السابق ";

const DAY_PARTS: &str = "صباح مساء ظهر فجر ليلة ليل عصر ظهيرة منتصف مطلع أواخر أوائل نهاية بداية ";

const TIME_WORDS: &str = "الساعة ساعة صباحا صباحاً مساء مساءً ظهرا ظهراً ";

const ERAS: &str = "هـ ه هجري هجرية م ميلادي ميلادية ";

const NUMBER_WORDS: &str = "واحد واحدة اثنان اثنين اثنتان اثنتين ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست \
 سبعة سبع ثمانية ثماني ثمان تسعة تسع عشرة عشر إحدى أحد عشرون عشرين ثلاثون ثلاثين أربعون أربعين \
 خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مئة مائة مئتين مائتين مئات ثلاثمائة \
 أربعمائة خمسمائة ستمائة سبعمائة ثمانمائة تسعمائة ألف آلاف ألفين ألفا مليون ملايين مليونا مليار \
 مليارات ملياري مليوني نصف ربع ثلث عشرات ";

const SCALES: &str = "ألف آلاف ألفا مليون ملايين مليونا مليار مليارات بليون تريليون مليوني ملياري ";

const CURRENCIES: &str = "دولار دولارا دولاراً دولارات يورو جنيه جنيها جنيهات ليرة ليرات دينار دينارا دنانير \
 درهم دراهم ريال ريالات شيكل شيقل شواكل روبل يوان ين فرنك استرليني إسترليني قرش ";

const PERCENT_WORDS: &str = "بالمئة بالمائة % ";

const NAME_CONNECTORS: &str = "بن ابن بنت أبو أبي أبا أم آل عبد ولد ";

/// Given names that are ordinary words too (and علي, which is على after folding).
const AMBIGUOUS_NAMES: &str = "أمل سلام نور جمال كريم عادل سعيد فرح حسن محمود أمين منى ناصر منصور سالم \
 علي باسم هدى صباح وفاء عزة مجدي هادي نصر ربيع سلامة جميلة صفاء حنان عبير شهد مها ضياء فريد وحيد \
 رضا زكي فؤاد راشد رشيد شريف صادق صابر عارف كامل كمال لطفي مختار وديع حبيب حامد حميد عماد \
 أكرم أشرف منير مؤمن حازم خليل أسماء اسماء جهاد مالك دينا مي نصر هبة وسام إيمان آية \
 ياسمين زهرة بشرى رغد سناء علا لمى جنى شهد حلا روان نور عزيز عرفات مراد سيف عودة حياة \
 كفاح وعد نجاح ثائر فارس غالب فاضل مسلم مجاهد سلطان نمر بدر رجب معروف شكري مفيد ممدوح راضي دلال رحاب \
 سماح ثريا عزيزة نبيلة لطيفة ماجدة فادية فاتن آمال ابتسام تغريد خولة ربى شذى يسرى نائلة وداد هيام نهاد \
 حمدان غانم رباح ظافر صائب متعب عدي جودت فخري حكمت عطية فتحية صبحية بهاء تيسير نسيم \
 يزيد يزن رائد ";

const NORP_WORDS: &str = "الأكراد الكرد الحوثيون الحوثيين الشيعة المسيحيون المسيحيين الدروز العلويون \
 العلويين اللاجئون اللاجئين النازحون النازحين المستوطنون المستوطنين العرب اليهود المسلمون المسلمين \
 الأقباط الإيزيديون الإيزيديين الأمازيغ البدو ";

/// Verbs of saying and other frequent verbs that end a name (cue list shared in spirit with the
/// attribution helper; kept here so names stop at them).
const CUES: &str = "قال قالت قالوا يقول تقول أعلن أعلنت أعلنوا يعلن تعلن أضاف أضافت ذكر ذكرت يذكر \
 أوضح أوضحت أكد أكدت يؤكد تؤكد أشار أشارت صرح صرحت أفاد أفادت كشف كشفت نفى نفت اعتبر اعتبرت رأى \
 حذر حذرت أعرب أعربت دعا دعت طالب طالبت أدان أدانت وصف وصفت زار زارت التقى استقبل استقبلت بحث \
 بحثت وقع وقعت أصدر أصدرت عقد عقدت شدد شددت لفت تابع تابعت بين بينت نقل نقلت كان كانت يكون تكون \
 ليس ليست أصبح أصبحت ظل ظلت بات باتت قائلا قائلاً مشيرا مشيراً مؤكدا مؤكداً مضيفا مضيفاً يوم ";

/// Prepositions, particles, pronouns, demonstratives and other function words.
const STOPS: &str = "في من إلى على عن مع منذ خلال بعد قبل بين حول ضد عبر دون نحو لدى عند حيث حين بينما \
 لكن لكنه لكنها أو ثم حتى إذا إذ أي ما ماذا لماذا كيف متى أين هل كما أيضا أيضاً فقط جدا جداً \
 الذي التي الذين اللذين اللتين اللواتي اللاتي أن إن أنه أنها أنهم إنه إنها إنهم بأن لأن كأن لا لم \
 لن قد سوف هذا هذه هذان هاتان هؤلاء ذلك تلك أولئك هناك هنا هو هي هم هما هن نحن أنا أنت أنتم كل \
 بعض جميع غير سوى مثل وفق وفقا حسب بحسب نتيجة إثر جراء بسبب رغم برغم عقب لدى تجاه إزاء أمام خلف \
 تحت فوق داخل خارج قرب بالقرب وسط أثناء طوال ضمن إلا بل كذلك وذلك وهذا وهذه فيما بما مما عما \
 ممن منه منها منهم عنه عنها عنهم له لها لهم به بها بهم عليه عليها عليهم إليه إليها فيه فيها \
 معه معها الى الي او اذا ان انه انها الا عندما بالإضافة إضافة رقم لمدة بخصوص بشأن سر عام \
 محلي قسم حوالي نحو قرابة بيانات و ف ب ل ك يا كلمة كلمته خطابا خطاب بيانا رسالة زيارة \
 تصريحا مؤتمرا اتصالا قرارا مرسوما ";

/// Adjectives that continue organisation names (nationality and institutional nisbas), in the
/// masculine singular without the article; feminine and plural forms are derived.
const NISBAS: &str = "سوري عراقي لبناني مصري سعودي أردني فلسطيني إسرائيلي إيراني تركي روسي أمريكي \
 أميركي فرنسي بريطاني ألماني صيني يمني ليبي تونسي جزائري مغربي سوداني قطري إماراتي كويتي بحريني \
 عماني أوكراني كردي كردستاني إيطالي إسباني ياباني هندي باكستاني أفغاني موريتاني صومالي إثيوبي \
 أوروبي أفريقي إفريقي آسيوي عربي إسلامي دولي عالمي وطني قومي شعبي ديمقراطي جمهوري اشتراكي مركزي \
 اتحادي محلي إقليمي أممي حكومي رسمي عسكري أمني شرعي ثوري مدني أهلي خيري طبي صحي تشريعي تنفيذي \
 قضائي دستوري اقتصادي مالي نقدي زراعي صناعي تجاري فني علمي تعليمي ثقافي رياضي أولمبي إنساني \
 هاشمي أمريكي شمالي جنوبي شرقي غربي فيدرالي فدرالي سيادي انتقالي مؤقت ";

/// Adjectives that are not nisbas but continue institution names.
const INSTITUTION_ADJECTIVES: &str = "العام العامة العليا الأعلى المتحدة الخاصة الكبرى الأولى الثانية \
 المستقلة الموحدة الوطنية المركزية ";

struct Lexicon {
    words: HashMap<String, u32>,
    nisbas: std::collections::HashSet<String>,
}

fn build() -> Lexicon {
    let mut words: HashMap<String, u32> = HashMap::new();
    let mut add = |list: &str, flags: u32| {
        for word in list.split_whitespace() {
            *words.entry(normalize_str(word)).or_insert(0) |= flags;
        }
    };
    use class::*;
    add(TITLES, TITLE);
    add(HONORIFICS, TITLE | HONORIFIC);
    add(WEAK_TITLES, TITLE | WEAK_TITLE);
    add(ORG_HEADS, ORG_HEAD);
    add(ORG_STANDALONE_WORDS, ORG_STANDALONE);
    add(GPE_HEADS, GPE_HEAD);
    add(LOC_HEADS, LOC_HEAD);
    add(FAC_HEADS, FAC_HEAD);
    add(EVENT_HEADS, EVENT_HEAD);
    add(DIRECTIONS, DIRECTION);
    add(MONTHS, MONTH);
    add(MONTHS_AMBIGUOUS, MONTH | MONTH_AMBIGUOUS);
    add(MONTH_FIRST_WORDS, MONTH_FIRST);
    add(WEEKDAYS, WEEKDAY);
    add(YEAR_WORDS, YEAR_WORD);
    add(RELATIVE_DATES, RELATIVE_DATE);
    add(PERIOD_WORDS, PERIOD_WORD);
    add(DAY_PARTS, DAY_PART);
    add(TIME_WORDS, TIME_WORD);
    add(ERAS, ERA);
    add(NUMBER_WORDS, NUMBER_WORD);
    add(SCALES, SCALE | NUMBER_WORD);
    add(CURRENCIES, CURRENCY);
    add(PERCENT_WORDS, PERCENT_WORD);
    add(NAME_CONNECTORS, NAME_CONNECTOR);
    add(NORP_WORDS, NORP);
    add(CUES, CUE);
    add(STOPS, STOP);
    for line in include_str!("../../assets/gazetteer/given-names.txt").lines() {
        if !line.starts_with('#') {
            add(line, GIVEN_NAME);
        }
    }
    add(AMBIGUOUS_NAMES, AMBIGUOUS_NAME);
    let mut nisbas: std::collections::HashSet<String> =
        NISBAS.split_whitespace().map(normalize_str).collect();
    nisbas.extend(
        INSTITUTION_ADJECTIVES
            .split_whitespace()
            .map(|w| format!("={}", normalize_str(w))),
    );
    Lexicon { words, nisbas }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build)
}

/// The classes of a normalised word (0 when unknown).
pub fn classes(normalized_word: &str) -> u32 {
    lexicon().words.get(normalized_word).copied().unwrap_or(0)
}

/// Is this normalised word a nationality or institutional adjective (السورية، الدولي،
/// الفلسطينيين، المتحدة)? The article is optional.
pub fn is_adjective(word: &str) -> bool {
    let lex = lexicon();
    let bare = word.strip_prefix("ال").unwrap_or(word);
    if lex.nisbas.contains(&format!("=ال{bare}")) {
        return true;
    }
    for suffix in ["يين", "يون", "يات", "يه", "ي"] {
        if let Some(base) = bare.strip_suffix(suffix)
            && lex.nisbas.contains(&format!("{base}ي"))
        {
            return true;
        }
    }
    false
}

/// Second words that complete a two-word month name.
pub fn completes_month(first: &str, second: &str) -> bool {
    let second = second.trim_start_matches("ال");
    match first {
        "كانون" | "تشرين" | "تشرن" => {
            matches!(second, "اول" | "ثاني" | "الاول" | "الثاني")
        }
        "ربيع" => matches!(second, "اول" | "ثاني" | "اخر"),
        "جمادي" => matches!(second, "اولي" | "اخره" | "ثانيه" | "اول" | "ثاني"),
        "ذو" | "ذي" => matches!(second, "قعده" | "حجه"),
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::class::*;
    use super::*;

    #[test]
    fn words_are_looked_up_normalised() {
        assert!(classes("الرييس") == 0);
        assert_ne!(classes("الرئيس") & TITLE, 0);
        assert_ne!(classes("وزاره") & ORG_HEAD, 0);
        assert_ne!(classes("ايار") & MONTH, 0);
        assert_ne!(classes("اذار") & MONTH, 0);
        assert_ne!(classes("صفر") & MONTH_AMBIGUOUS, 0);
        assert_ne!(classes("محمد") & GIVEN_NAME, 0);
        assert_ne!(classes("علي") & AMBIGUOUS_NAME, 0);
        assert_ne!(classes("في") & STOP, 0);
    }

    #[test]
    fn adjectives() {
        assert!(is_adjective("السوريه"));
        assert!(is_adjective("الفلسطينيين"));
        assert!(is_adjective("المتحده"));
        assert!(is_adjective("الدولي"));
        assert!(!is_adjective("المسوليه"));
        assert!(!is_adjective("الحريه"));
    }

    #[test]
    fn two_word_months() {
        assert!(completes_month("كانون", "الثاني"));
        assert!(completes_month("ذو", "الحجه"));
        assert!(completes_month("ربيع", "الاول"));
        assert!(!completes_month("كانون", "الدولي"));
    }
}
