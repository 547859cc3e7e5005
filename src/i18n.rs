//! The message catalogue for UI text, and the choice of language.
//!
//! A small typed table of our own rather than a crate such as leptos_i18n: the
//! catalogue is a few dozen strings, a `match` compiles to almost nothing in the
//! wasm, every message must exist in every language or the build fails (the
//! macro takes exactly one string per language), and there is no build-time code
//! generation to slow the loop. Data text (names, summaries) is multilingual in
//! the data itself (`model::Text`); this table is only for the interface.

/// A language the interface is translated into. The declaration order is
/// `Lang::ALL`'s and indexes each message's translations (`Msg::text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    Es,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar];

    /// The BCP 47 primary tag, as used in `?lang=` and in data `Text` maps.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// The language's own name, for the language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// Accepts a tag such as `fr`, `fr-CA` or `AR`; `None` for untranslated ones.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|lang| lang.code() == primary)
    }

    /// The first supported language among, in order: an explicit choice (the
    /// `?lang=` parameter), the stored choice, and the browser's preferences.
    pub fn choose<'a>(
        explicit: Option<&str>,
        stored: Option<&str>,
        preferred: impl IntoIterator<Item = &'a str>,
    ) -> Lang {
        explicit
            .and_then(Lang::from_tag)
            .or_else(|| stored.and_then(Lang::from_tag))
            .or_else(|| preferred.into_iter().find_map(Lang::from_tag))
            .unwrap_or(Lang::En)
    }
}

/// Where the browser keeps the reader's choice of language (`localStorage`):
/// read by the app (`ui::lang`) and by a published page's start script.
pub const LANG_STORAGE_KEY: &str = "mapline.lang";

macro_rules! catalogue {
    ($($msg:ident => [$en:literal, $fr:literal, $es:literal, $ar:literal],)*) => {
        /// A piece of interface text: its four translations, in `Lang::ALL`'s
        /// order. Each message is a constant pointing at its own static, not a
        /// variant of one big `match`, so an entry point's wasm carries only the
        /// messages its code names (the whole table in four languages is about
        /// 30 KB, and an embed names a fraction of it).
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct Msg(&'static [&'static str; 4]);

        #[allow(non_upper_case_globals)]
        impl Msg {
            $(pub const $msg: Msg = Msg(&[$en, $fr, $es, $ar]);)*

            /// Every message, for the tests that check the catalogue.
            #[cfg(test)]
            pub const ALL: &'static [Msg] = &[$(Msg::$msg,)*];
        }
    };
}

impl Msg {
    /// The text in `lang`. Placeholders such as `{count}` are filled by [`fill`].
    pub fn text(self, lang: Lang) -> &'static str {
        self.0[lang as usize]
    }
}

/// A message shows as its English text (in test failures and logs).
impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Msg({:?})", self.0[0])
    }
}

catalogue! {
    AppName => ["Mapline", "Mapline", "Mapline", "Mapline"],
    SkipToContent => ["Skip to content", "Aller au contenu", "Saltar al contenido", "انتقل إلى المحتوى"],
    MainNavigation => ["Main navigation", "Navigation principale", "Navegación principal", "التنقل الرئيسي"],
    NavHome => ["Home", "Accueil", "Inicio", "الرئيسية"],
    NavMap => ["Map", "Carte", "Mapa", "الخريطة"],
    NavTimeline => ["Timeline", "Chronologie", "Cronología", "الخط الزمني"],
    NavStories => ["Stories", "Récits", "Historias", "القصص"],
    NavGalleries => ["Galleries", "Galeries", "Galerías", "المعارض"],
    NavPreview => ["Preview", "Aperçu", "Vista previa", "معاينة"],
    Language => ["Language", "Langue", "Idioma", "اللغة"],
    Loading => ["Loading data…", "Chargement des données…", "Cargando datos…", "جارٍ تحميل البيانات…"],
    LoadFailed => ["The data could not be loaded.", "Les données n’ont pas pu être chargées.", "No se pudieron cargar los datos.", "تعذّر تحميل البيانات."],
    Retry => ["Try again", "Réessayer", "Reintentar", "أعد المحاولة"],
    PageCodeFailed => ["This page could not be downloaded. Check the connection and try again.", "Cette page n’a pas pu être téléchargée. Vérifiez la connexion et réessayez.", "No se pudo descargar esta página. Compruebe la conexión e inténtelo de nuevo.", "تعذّر تنزيل هذه الصفحة. تحقّق من الاتصال وأعد المحاولة."],
    NotFoundTitle => ["Page not found", "Page introuvable", "Página no encontrada", "الصفحة غير موجودة"],
    NotFoundText => ["There is nothing at this address. It may have moved, or the link may be mistyped.", "Il n’y a rien à cette adresse. Elle a peut-être changé, ou le lien contient une faute.", "No hay nada en esta dirección. Puede que haya cambiado o que el enlace tenga un error.", "لا يوجد شيء في هذا العنوان. ربما نُقل أو أن الرابط غير صحيح."],
    RecordNotFound => ["Nothing in the data has the id “{id}”.", "Aucun élément des données n’a l’identifiant « {id} ».", "Ningún elemento de los datos tiene el identificador «{id}».", "لا يوجد في البيانات عنصر بالمعرّف «{id}»."],
    BackHome => ["Back to the home page", "Retour à l’accueil", "Volver al inicio", "العودة إلى الصفحة الرئيسية"],
    HomeLead => ["A global network defending and promoting free expression: {members} {countries}.", "Un réseau mondial qui défend et promeut la liberté d’expression : {members} {countries}.", "Una red mundial que defiende y promueve la libertad de expresión: {members} {countries}.", "شبكة عالمية تدافع عن حرية التعبير وتعززها: {members} {countries}."],
    StatsSummary => ["{members} {countries}, {cases}, {campaigns}, {stories}, {galleries}", "{members} {countries}, {cases}, {campaigns}, {stories}, {galleries}", "{members} {countries}, {cases}, {campaigns}, {stories}, {galleries}", "{members} {countries}، {cases}، {campaigns}، {stories}، {galleries}"],
    StatsSummaryTimelines => ["{summary}, {timelines}", "{summary}, {timelines}", "{summary}, {timelines}", "{summary}، {timelines}"],
    AtAGlance => ["The network at a glance", "Le réseau en un coup d’œil", "La red de un vistazo", "الشبكة في لمحة"],
    ExploreMap => ["See the members on the map", "Voir les membres sur la carte", "Ver los miembros en el mapa", "اعرض الأعضاء على الخريطة"],
    ExploreTimeline => ["Follow the cases through time", "Suivre les affaires dans le temps", "Seguir los casos en el tiempo", "تابع القضايا عبر الزمن"],
    ExploreStories => ["Read the stories", "Lire les récits", "Leer las historias", "اقرأ القصص"],
    ExploreGalleries => ["Browse the photo galleries", "Parcourir les galeries de photos", "Ver las galerías de fotos", "تصفح معارض الصور"],
    DataProblems => ["Problems found in the data ({count})", "Problèmes trouvés dans les données ({count})", "Problemas encontrados en los datos ({count})", "مشكلات في البيانات ({count})"],
    DataProblemsNote => ["Everything valid is shown; the records below were skipped or need fixing.", "Tout ce qui est valide est affiché ; les éléments ci-dessous ont été ignorés ou sont à corriger.", "Se muestra todo lo válido; los elementos siguientes se omitieron o deben corregirse.", "يُعرض كل ما هو صالح؛ العناصر أدناه تم تجاهلها أو تحتاج إلى تصحيح."],
    Illustrative => ["Illustrative", "Illustratif", "Ilustrativo", "توضيحي"],
    IllustrativeNote => ["Sample data: details not stated by the network are illustrative.", "Données d’exemple : les détails que le réseau n’a pas publiés sont illustratifs.", "Datos de ejemplo: los detalles que la red no ha publicado son ilustrativos.", "بيانات نموذجية: التفاصيل التي لم تنشرها الشبكة توضيحية."],
    // Search messages.
    Search => ["Search", "Rechercher", "Buscar", "بحث"],
    SearchPlaceholder => ["Search people, members, campaigns…", "Rechercher personnes, membres, campagnes…", "Buscar personas, miembros, campañas…", "ابحث عن أشخاص وأعضاء وحملات…"],
    SearchResultsLabel => ["Search results", "Résultats de recherche", "Resultados de búsqueda", "نتائج البحث"],
    NoResults => ["No results", "Aucun résultat", "Sin resultados", "لا توجد نتائج"],
    KindCase => ["Case", "Affaire", "Caso", "قضية"],
    KindCampaign => ["Campaign", "Campagne", "Campaña", "حملة"],
    KindStory => ["Story", "Récit", "Historia", "قصة"],
    // Map view messages.
    CountriesWithMembers => ["Countries with members", "Pays ayant des membres", "Países con miembros", "البلدان التي فيها أعضاء"],
    Country => ["Country", "Pays", "País", "البلد"],
    Members => ["Members", "Membres", "Miembros", "الأعضاء"],
    Member => ["Member", "Membre", "Miembro", "العضو"],
    Cases => ["Cases", "Affaires", "Casos", "القضايا"],
    Region => ["Region", "Région", "Región", "المنطقة"],
    City => ["City", "Ville", "Ciudad", "المدينة"],
    Joined => ["Joined", "Adhésion", "Se unió", "انضم"],
    Website => ["Website", "Site web", "Sitio web", "الموقع الإلكتروني"],
    Status => ["Status", "Statut", "Estado", "الحالة"],
    Profession => ["Profession", "Profession", "Profesión", "المهنة"],
    MapLabel => ["Map of the member countries", "Carte des pays membres", "Mapa de los países miembros", "خريطة البلدان الأعضاء"],
    MapHelp => ["The list below the map holds the same countries and members.", "La liste sous la carte contient les mêmes pays et membres.", "La lista bajo el mapa contiene los mismos países y miembros.", "القائمة أسفل الخريطة تضم البلدان والأعضاء أنفسهم."],
    MapLegend => ["Members per country", "Membres par pays", "Miembros por país", "الأعضاء لكل بلد"],
    MapNoMembers => ["No members", "Aucun membre", "Sin miembros", "لا أعضاء"],
    MapCredit => ["Country shapes: Natural Earth. Map: Leaflet.", "Frontières : Natural Earth. Carte : Leaflet.", "Fronteras: Natural Earth. Mapa: Leaflet.", "حدود البلدان: Natural Earth. الخريطة: Leaflet."],
    MapBasemapFailed => ["The detailed map could not be loaded; the simpler world map is shown instead.", "La carte détaillée n’a pas pu être chargée ; la carte du monde simplifiée s’affiche à la place.", "No se pudo cargar el mapa detallado; se muestra en su lugar el mapa del mundo simplificado.", "تعذّر تحميل الخريطة التفصيلية؛ تُعرض خريطة العالم المبسّطة بدلاً منها."],
    MapBasemapCredit => ["Detailed map: {credit}", "Carte détaillée : {credit}", "Mapa detallado: {credit}", "الخريطة التفصيلية: {credit}"],
    MapShapesFailed => ["The country shapes could not be loaded; the lists below are complete.", "Les frontières n’ont pas pu être chargées ; les listes ci-dessous sont complètes.", "No se pudieron cargar las fronteras; las listas de abajo están completas.", "تعذّر تحميل حدود البلدان؛ القوائم أدناه كاملة."],
    MapFilters => ["Filters", "Filtres", "Filtros", "عوامل التصفية"],
    MapAll => ["All", "Tous", "Todos", "الكل"],
    MapAlliance => ["Alliance", "Alliance", "Alianza", "التحالف"],
    MapCampaign => ["Campaign", "Campagne", "Campaña", "الحملة"],
    MapCaseStatus => ["Case status", "Statut des affaires", "Estado de los casos", "حالة القضايا"],
    MapFromYear => ["From year", "De l’année", "Desde el año", "من سنة"],
    MapToYear => ["To year", "À l’année", "Hasta el año", "إلى سنة"],
    MapClearFilters => ["Clear filters", "Effacer les filtres", "Borrar filtros", "مسح عوامل التصفية"],
    MapClose => ["Close", "Fermer", "Cerrar", "إغلاق"],
    MapShowTiles => ["Show the background map (loads tiles from {host})", "Afficher le fond de carte (charge des tuiles depuis {host})", "Mostrar el mapa de fondo (carga teselas de {host})", "إظهار الخريطة الأساسية (تحميل من {host})"],
    MapSortBy => ["Sort by {column}", "Trier par {column}", "Ordenar por {column}", "الترتيب حسب {column}"],
    MapNoMatch => ["No country matches these filters.", "Aucun pays ne correspond à ces filtres.", "Ningún país coincide con estos filtros.", "لا يوجد بلد يطابق عوامل التصفية هذه."],
    RegionAfrica => ["Africa", "Afrique", "África", "أفريقيا"],
    RegionAmericas => ["Americas", "Amériques", "Américas", "الأمريكتان"],
    RegionAsiaPacific => ["Asia-Pacific", "Asie-Pacifique", "Asia-Pacífico", "آسيا والمحيط الهادئ"],
    RegionEuropeCentralAsia => ["Europe and Central Asia", "Europe et Asie centrale", "Europa y Asia Central", "أوروبا وآسيا الوسطى"],
    RegionMena => ["Middle East and North Africa", "Moyen-Orient et Afrique du Nord", "Oriente Medio y Norte de África", "الشرق الأوسط وشمال أفريقيا"],
    StatusOpen => ["Open", "En cours", "Abierto", "مفتوحة"],
    StatusPartlyResolved => ["Partly resolved", "Partiellement résolue", "Parcialmente resuelto", "حُلّت جزئياً"],
    StatusResolved => ["Resolved", "Résolue", "Resuelto", "حُلّت"],
    // Timeline and case page messages.
    Outcomes => ["Outcomes", "Résultats", "Resultados", "النتائج"],
    Sources => ["Sources", "Sources", "Fuentes", "المصادر"],
    Campaigns => ["Campaigns", "Campagnes", "Campañas", "الحملات"],
    TimelineName => ["Timeline of events", "Chronologie des événements", "Cronología de los hechos", "الخط الزمني للأحداث"],
    TimelineHelp => ["Arrow keys move between events, Home and End go to the ends, Enter opens the details, + and − zoom, Shift with the arrows pans.", "Les flèches passent d’un événement à l’autre, Début et Fin vont aux extrémités, Entrée ouvre le détail, + et − zooment, Maj avec les flèches déplace la vue.", "Las flechas pasan de un hecho a otro, Inicio y Fin van a los extremos, Intro abre el detalle, + y − acercan o alejan, Mayús con las flechas desplaza la vista.", "تنقل مفاتيح الأسهم بين الأحداث، وينتقل Home وEnd إلى الطرفين، ويفتح Enter التفاصيل، ويكبّر + و− ويصغّران، وShift مع الأسهم يحرّك العرض."],
    GroupBy => ["Group by", "Regrouper par", "Agrupar por", "التجميع حسب"],
    GroupNone => ["Nothing", "Rien", "Nada", "بدون تجميع"],
    GroupCountry => ["Country", "Pays", "País", "البلد"],
    GroupCampaign => ["Campaign", "Campagne", "Campaña", "الحملة"],
    GroupCase => ["Case", "Affaire", "Caso", "القضية"],
    GroupOwn => ["The events' own groups", "Groupes des événements", "Grupos de los hechos", "مجموعات الأحداث"],
    GroupKind => ["Kind of outcome", "Type de résultat", "Tipo de resultado", "نوع النتيجة"],
    GroupOther => ["Other", "Autres", "Otros", "أخرى"],
    ZoomIn => ["Zoom in", "Zoomer", "Acercar", "تكبير"],
    ZoomOut => ["Zoom out", "Dézoomer", "Alejar", "تصغير"],
    ZoomFit => ["Show everything", "Tout afficher", "Mostrar todo", "عرض الكل"],
    PanEarlier => ["Earlier", "Plus tôt", "Antes", "أقدم"],
    PanLater => ["Later", "Plus tard", "Después", "أحدث"],
    Circa => ["c. {date}", "v. {date}", "c. {date}", "حوالي {date}"],
    Perhaps => ["{date}?", "{date} ?", "{date}?", "{date}؟"],
    TimelineLayout => ["Layout", "Présentation", "Presentación", "طريقة العرض"],
    TimelineLayoutSlides => ["Slides above the axis", "Diapositives au-dessus de l’axe", "Diapositivas sobre el eje", "الشرائح فوق المحور"],
    TimelineLayoutAxis => ["The axis alone", "L’axe seul", "Solo el eje", "المحور وحده"],
    SlidePreviousIs => ["Previous: {title}", "Précédente : {title}", "Anterior: {title}", "السابقة: {title}"],
    SlideNextIs => ["Next: {title}", "Suivante : {title}", "Siguiente: {title}", "التالية: {title}"],
    SlideAnnounce => ["Slide {n} of {count}: {title}", "Diapositive {n} sur {count} : {title}", "Diapositiva {n} de {count}: {title}", "الشريحة {n} من {count}: {title}"],
    SlideHelp => ["Arrow keys or swipe: other slides. Home and End: first and last.", "Flèches ou balayage : autres diapositives. Début et Fin : première et dernière.", "Flechas o deslizar: otras diapositivas. Inicio y Fin: primera y última.", "مفاتيح الأسهم أو السحب: شرائح أخرى. Home وEnd: الأولى والأخيرة."],
    UncertainDate => ["uncertain date", "date incertaine", "fecha incierta", "تاريخ غير مؤكد"],
    SelectedEvent => ["Selected: {title}, {date}", "Sélection : {title}, {date}", "Seleccionado: {title}, {date}", "المحدد: {title}، {date}"],
    ShowOnMap => ["Show on the map", "Voir sur la carte", "Ver en el mapa", "عرض على الخريطة"],
    CloseDetails => ["Close the details", "Fermer le détail", "Cerrar el detalle", "إغلاق التفاصيل"],
    EventDetails => ["Event details", "Détail de l’événement", "Detalle del hecho", "تفاصيل الحدث"],
    CaseOf => ["Case: {person}", "Affaire : {person}", "Caso: {person}", "القضية: {person}"],
    NoEvents => ["No events to show.", "Aucun événement à afficher.", "No hay hechos que mostrar.", "لا توجد أحداث لعرضها."],
    LocatorLabel => ["Where: {place}", "Où : {place}", "Dónde: {place}", "المكان: {place}"],
    LocatorUnavailable => ["The locator map could not be drawn ({error}).", "La carte de situation n’a pas pu être dessinée ({error}).", "No se pudo dibujar el mapa de ubicación ({error}).", "تعذّر رسم خريطة الموقع ({error})."],
    SeeOnTimeline => ["See it on the timeline", "Voir sur la chronologie", "Ver en la cronología", "عرض على الخط الزمني"],
    // Outcome kinds (`outcome_kind` maps the model's kinds to these).
    KindAttack => ["Attack", "Agression", "Ataque", "اعتداء"],
    KindThreat => ["Threat", "Menace", "Amenaza", "تهديد"],
    KindArrest => ["Arrest", "Arrestation", "Arresto", "اعتقال"],
    KindDetention => ["Detention", "Détention", "Detención", "احتجاز"],
    KindCharge => ["Charge", "Inculpation", "Acusación", "توجيه اتهام"],
    KindTrial => ["Trial", "Procès", "Juicio", "محاكمة"],
    KindSentence => ["Sentence", "Condamnation", "Condena", "حكم بالإدانة"],
    KindAppeal => ["Appeal", "Appel", "Apelación", "استئناف"],
    KindRelease => ["Release", "Libération", "Liberación", "إفراج"],
    KindAcquittal => ["Acquittal", "Acquittement", "Absolución", "تبرئة"],
    KindSuspectsArrested => ["Suspects arrested", "Suspects arrêtés", "Sospechosos detenidos", "اعتقال المشتبه بهم"],
    KindPerpetratorsConvicted => ["Perpetrators convicted", "Auteurs condamnés", "Autores condenados", "إدانة الجناة"],
    KindSentenceLifted => ["Sentence lifted", "Peine levée", "Condena anulada", "رفع الحكم"],
    KindCampaignAction => ["Campaign action", "Action de campagne", "Acción de campaña", "نشاط الحملة"],
    KindGovernmentResponse => ["Government response", "Réponse du gouvernement", "Respuesta del gobierno", "رد الحكومة"],
    KindUnResponse => ["UN response", "Réponse de l’ONU", "Respuesta de la ONU", "رد الأمم المتحدة"],
    KindOther => ["Other kind", "Autre type", "Otro tipo", "نوع آخر"],
    // Story view messages.
    SlideOf => ["{n} of {count}", "{n} sur {count}", "{n} de {count}", "{n} من {count}"],
    PreviousSlide => ["Previous", "Précédente", "Anterior", "السابقة"],
    NextSlide => ["Next", "Suivante", "Siguiente", "التالية"],
    SlideNavigation => ["Slides", "Diapositives", "Diapositivas", "الشرائح"],
    StoryLayoutLabel => ["Reading mode", "Mode de lecture", "Modo de lectura", "طريقة القراءة"],
    StoryLayoutSlides => ["One slide at a time", "Une diapositive à la fois", "Una diapositiva a la vez", "شريحة واحدة في كل مرة"],
    StoryLayoutScroll => ["Scroll", "Défilement", "Desplazamiento", "التمرير"],
    StoryMapFailed => ["The map could not be loaded; every slide still reads here.", "La carte n’a pas pu être chargée ; toutes les diapositives restent lisibles ici.", "No se pudo cargar el mapa; todas las diapositivas siguen legibles aquí.", "تعذّر تحميل الخريطة؛ تبقى كل الشرائح مقروءة هنا."],
    StoryMapLabel => ["Map of the story's places (the slides describe each place)", "Carte des lieux du récit (les diapositives décrivent chaque lieu)", "Mapa de los lugares del relato (las diapositivas describen cada lugar)", "خريطة أماكن القصة (تصف الشرائح كل مكان)"],
    StoryImageNotice => ["This story is told on a picture hosted by {host}. Loading it connects your browser to that site; every slide reads here without it.", "Ce récit se déroule sur une image hébergée par {host}. La charger connecte votre navigateur à ce site ; toutes les diapositives restent lisibles ici sans elle.", "Este relato se cuenta sobre una imagen alojada en {host}. Cargarla conecta su navegador con ese sitio; todas las diapositivas se leen aquí sin ella.", "تُروى هذه القصة على صورة مستضافة على {host}. تحميلها يوصل متصفحك بذلك الموقع؛ وتبقى كل الشرائح مقروءة هنا من دونها."],
    // Chart messages.
    ResultsInfographic => ["Campaign results", "Résultats des campagnes", "Resultados de las campañas", "نتائج الحملات"],
    OutcomesByKind => ["Outcomes by kind", "Résultats par type", "Resultados por tipo", "النتائج حسب النوع"],
    OutcomesByCountry => ["Outcomes by country", "Résultats par pays", "Resultados por país", "النتائج حسب البلد"],
    OutcomesByYear => ["Outcomes by year", "Résultats par année", "Resultados por año", "النتائج حسب السنة"],
    ShowTable => ["Show as a table", "Afficher sous forme de tableau", "Mostrar como tabla", "اعرض كجدول"],
    Count => ["Count", "Nombre", "Cantidad", "العدد"],
    Year => ["Year", "Année", "Año", "السنة"],
    Kind => ["Kind", "Type", "Tipo", "النوع"],
    // Gallery view messages.
    PhotoCounter => ["{n} of {count}", "{n} sur {count}", "{n} de {count}", "{n} من {count}"],
    PreviousPhoto => ["Previous photo", "Photo précédente", "Foto anterior", "الصورة السابقة"],
    NextPhoto => ["Next photo", "Photo suivante", "Foto siguiente", "الصورة التالية"],
    ClosePhoto => ["Close", "Fermer", "Cerrar", "إغلاق"],
    PhotoUnavailable => ["Image unavailable", "Image indisponible", "Imagen no disponible", "الصورة غير متاحة"],
    PhotoViewerHelp => ["Arrow keys or swipe: other photos. Pinch or double-tap: zoom. Escape: close.", "Flèches ou balayage : autres photos. Pincer ou toucher deux fois : zoom. Échap : fermer.", "Flechas o deslizar: otras fotos. Pellizcar o tocar dos veces: zoom. Escape: cerrar.", "مفاتيح الأسهم أو السحب: صور أخرى. القرص أو النقر مرتين: تكبير. Escape: إغلاق."],
    // Preview messages.
    PreviewTitle => ["Preview a draft", "Prévisualiser un brouillon", "Previsualizar un borrador", "معاينة مسودة"],
    PreviewIntro => ["Paste a Mapline document to check it. Nothing is uploaded: the draft stays in this browser.", "Collez un document Mapline pour le vérifier. Rien n’est envoyé : le brouillon reste dans ce navigateur.", "Pegue un documento de Mapline para comprobarlo. No se envía nada: el borrador se queda en este navegador.", "الصق مستند Mapline للتحقق منه. لا يُرسَل شيء: تبقى المسودة في هذا المتصفح."],
    DraftText => ["Draft (JSON)", "Brouillon (JSON)", "Borrador (JSON)", "المسودة (JSON)"],
    OpenFiles => ["Open files…", "Ouvrir des fichiers…", "Abrir archivos…", "افتح ملفات…"],
    DropHint => ["or drop files here, or paste below", "ou déposez des fichiers ici, ou collez ci-dessous", "o suelte archivos aquí, o pegue abajo", "أو أفلت الملفات هنا، أو الصق أدناه"],
    CsvTemplates => ["CSV templates:", "Modèles CSV :", "Plantillas CSV:", "قوالب CSV:"],
    ClearDraft => ["Clear the draft", "Effacer le brouillon", "Borrar el borrador", "امسح المسودة"],
    DraftFiles => ["Files of the draft", "Fichiers du brouillon", "Archivos del borrador", "ملفات المسودة"],
    CheckReport => ["Check", "Vérification", "Comprobación", "التحقق"],
    DownloadDataset => ["Download the normalised dataset", "Télécharger le jeu de données normalisé", "Descargar el conjunto de datos normalizado", "نزّل مجموعة البيانات الموحّدة"],
    DownloadReport => ["Download the check report", "Télécharger le rapport de vérification", "Descargar el informe de comprobación", "نزّل تقرير التحقق"],
    RenderedDraft => ["As it would be published", "Tel qu’il serait publié", "Tal como se publicaría", "كما سيُنشر"],
    EmbedTimeline => ["Timeline (embed)", "Chronologie (intégration)", "Cronología (inserción)", "الخط الزمني (تضمين)"],
    EmbedStory => ["Story (embed)", "Récit (intégration)", "Historia (inserción)", "القصة (تضمين)"],
    DraftHeld => ["This draft stopped the preview last time, so it was not opened again. Nothing in it is lost: open it anyway, download it or discard it.", "Ce brouillon a arrêté l’aperçu la dernière fois ; il n’a donc pas été rouvert. Rien n’est perdu : ouvrez-le quand même, téléchargez-le ou supprimez-le.", "Este borrador detuvo la vista previa la última vez, así que no se volvió a abrir. No se ha perdido nada: ábralo de todos modos, descárguelo o descártelo.", "أوقفت هذه المسودة المعاينة في المرة السابقة، لذا لم تُفتح مجددًا. لم يُفقد منها شيء: افتحها على أي حال أو نزّلها أو تخلّص منها."],
    DraftOpenAnyway => ["Open it anyway", "L’ouvrir quand même", "Abrirlo de todos modos", "افتحها على أي حال"],
    DraftDownload => ["Download it", "Le télécharger", "Descargarlo", "نزّلها"],
    DraftDiscard => ["Discard it", "Le supprimer", "Descartarlo", "تخلّص منها"],
    DraftHeldElsewhere => ["This draft stopped the preview last time, so it is not opened here. Go to the staff preview (/preview) to open it anyway, download it or discard it.", "Ce brouillon a arrêté l’aperçu la dernière fois ; il n’est donc pas ouvert ici. Allez à l’aperçu (/preview) pour l’ouvrir quand même, le télécharger ou le supprimer.", "Este borrador detuvo la vista previa la última vez, así que no se abre aquí. Vaya a la vista previa (/preview) para abrirlo de todos modos, descargarlo o descartarlo.", "أوقفت هذه المسودة المعاينة في المرة السابقة، لذا لا تُفتح هنا. انتقل إلى المعاينة (/preview) لفتحها على أي حال أو تنزيلها أو التخلّص منها."],
    DraftNotKept => ["This draft could not be kept in this browser’s storage (it is too large, or storage is refused): it will be lost when this page closes. Download it to keep it.", "Ce brouillon n’a pas pu être conservé dans le stockage de ce navigateur (il est trop volumineux, ou le stockage est refusé) : il sera perdu à la fermeture de cette page. Téléchargez-le pour le garder.", "Este borrador no se pudo guardar en el almacenamiento de este navegador (es demasiado grande o el almacenamiento está bloqueado): se perderá al cerrar esta página. Descárguelo para conservarlo.", "تعذّر حفظ هذه المسودة في تخزين هذا المتصفح (حجمها كبير جدًا أو التخزين مرفوض): ستُفقد عند إغلاق هذه الصفحة. نزّلها للاحتفاظ بها."],
    DraftChangedElsewhere => ["This draft was changed in another tab of this browser. Open that version here, or keep this one: it then replaces that one.", "Ce brouillon a été modifié dans un autre onglet de ce navigateur. Ouvrez cette version ici, ou gardez celle-ci : elle remplacera alors l’autre.", "Este borrador se modificó en otra pestaña de este navegador. Abra esa versión aquí o conserve esta: entonces reemplazará a la otra.", "عُدّلت هذه المسودة في علامة تبويب أخرى من هذا المتصفح. افتح تلك النسخة هنا، أو احتفظ بهذه: ستحلّ عندئذٍ محل الأخرى."],
    DraftOpenOther => ["Open the other tab’s version", "Ouvrir la version de l’autre onglet", "Abrir la versión de la otra pestaña", "افتح نسخة علامة التبويب الأخرى"],
    DraftKeepThis => ["Keep this version", "Garder cette version", "Conservar esta versión", "احتفظ بهذه النسخة"],
    DraftNewerLost => ["A later version of this draft (from {time}) could not be kept in this browser; this is the latest version that was.", "Une version plus récente de ce brouillon (du {time}) n’a pas pu être conservée dans ce navigateur ; voici la dernière qui l’a été.", "Una versión posterior de este borrador (del {time}) no se pudo guardar en este navegador; esta es la última que se guardó.", "تعذّر حفظ نسخة أحدث من هذه المسودة (من {time}) في هذا المتصفح؛ هذه آخر نسخة حُفظت."],
    NoProblems => ["No problems found.", "Aucun problème trouvé.", "No se encontraron problemas.", "لم يتم العثور على مشكلات."],
    // Embed messages.
    // Embed code generator and Share messages.
    ShareButton => ["Share", "Partager", "Compartir", "مشاركة"],
    ShareCopied => ["Link copied", "Lien copié", "Enlace copiado", "تم نسخ الرابط"],
    ShareLink => ["Link to this page", "Lien vers cette page", "Enlace a esta página", "رابط هذه الصفحة"],
    EmbedButton => ["Embed", "Intégrer", "Insertar", "تضمين"],
    EmbedDialogTitle => ["Embed this view", "Intégrer cette vue", "Insertar esta vista", "تضمين هذا العرض"],
    EmbedIntro => ["Paste this code into an article. The view and its data load from this site only.", "Collez ce code dans un article. La vue et ses données sont chargées depuis ce site uniquement.", "Pegue este código en un artículo. La vista y sus datos se cargan solo desde este sitio.", "الصق هذه الشيفرة في مقال. يُحمَّل العرض وبياناته من هذا الموقع فقط."],
    EmbedResponsive => ["Full width (responsive)", "Pleine largeur (adaptative)", "Ancho completo (adaptable)", "عرض كامل (متجاوب)"],
    EmbedWidth => ["Width (pixels)", "Largeur (pixels)", "Ancho (píxeles)", "العرض (بكسل)"],
    EmbedHeight => ["Height (pixels)", "Hauteur (pixels)", "Alto (píxeles)", "الارتفاع (بكسل)"],
    EmbedTheme => ["Theme", "Thème", "Tema", "السمة"],
    ThemeAuto => ["The reader’s system setting", "Le réglage du système du lecteur", "La configuración del sistema del lector", "إعداد نظام القارئ"],
    ThemeLight => ["Light", "Clair", "Claro", "فاتح"],
    ThemeDark => ["Dark", "Sombre", "Oscuro", "داكن"],
    ThemeContrast => ["High contrast", "Contraste élevé", "Alto contraste", "تباين عالٍ"],
    EmbedStart => ["Start at", "Commencer à", "Empezar en", "البدء من"],
    StartFirst => ["The beginning", "Le début", "El principio", "البداية"],
    StartCurrent => ["The current item ({id})", "L’élément actuel ({id})", "El elemento actual ({id})", "العنصر الحالي ({id})"],
    StartEnd => ["The end", "La fin", "El final", "النهاية"],
    EmbedCode => ["Embed code (HTML)", "Code d’intégration (HTML)", "Código de inserción (HTML)", "شيفرة التضمين (HTML)"],
    EmbedCopy => ["Copy the code", "Copier le code", "Copiar el código", "انسخ الشيفرة"],
    EmbedCopied => ["Copied", "Copié", "Copiado", "تم النسخ"],
    CopyFallback => ["Selected: press Ctrl+C (⌘C on a Mac) to copy.", "Sélectionné : appuyez sur Ctrl+C (⌘C sur Mac) pour copier.", "Seleccionado: pulse Ctrl+C (⌘C en Mac) para copiar.", "تم التحديد: اضغط Ctrl+C (أو ⌘C على Mac) للنسخ."],
    EmbedPreview => ["Live preview", "Aperçu en direct", "Vista previa en vivo", "معاينة مباشرة"],
    EmbedMissingSource => ["This embed needs a source: add ?source=<URL of a document> or ?data=<URL of a manifest>.", "Cette intégration a besoin d’une source : ajoutez ?source=<URL d’un document> ou ?data=<URL d’un manifeste>.", "Esta inserción necesita una fuente: añada ?source=<URL de un documento> o ?data=<URL de un manifiesto>.", "يحتاج هذا التضمين إلى مصدر: أضف ?source=<رابط مستند> أو ?data=<رابط بيان>."],
    EmbedHoldsTimeline => ["This document holds a timeline, which this embed does not show.", "Ce document contient une chronologie, que cette intégration n’affiche pas.", "Este documento contiene una cronología, que esta inserción no muestra.", "يحتوي هذا المستند على خط زمني لا يعرضه هذا التضمين."],
    EmbedHoldsStory => ["This document holds a story, which this embed does not show.", "Ce document contient un récit, que cette intégration n’affiche pas.", "Este documento contiene una historia, que esta inserción no muestra.", "يحتوي هذا المستند على قصة لا يعرضها هذا التضمين."],
    EmbedHoldsGallery => ["This document holds a gallery, which this embed does not show.", "Ce document contient une galerie, que cette intégration n’affiche pas.", "Este documento contiene una galería, que esta inserción no muestra.", "يحتوي هذا المستند على معرض لا يعرضه هذا التضمين."],
    EmbedHoldsMembers => ["This document holds member organisations, which this embed does not show.", "Ce document contient des organisations membres, que cette intégration n’affiche pas.", "Este documento contiene organizaciones miembro, que esta inserción no muestra.", "يحتوي هذا المستند على منظمات أعضاء لا يعرضها هذا التضمين."],
    EmbedShowIn => ["Show it in: {view}", "L’afficher dans : {view}", "Mostrarlo en: {view}", "اعرضه في: {view}"],
    EmbedMap => ["Map (embed)", "Carte (intégration)", "Mapa (inserción)", "الخريطة (تضمين)"],
    EmbedGallery => ["Gallery (embed)", "Galerie (intégration)", "Galería (inserción)", "المعرض (تضمين)"],
    StoryNoSlides => ["This story has no slides yet.", "Ce récit n’a pas encore de diapositives.", "Esta historia aún no tiene diapositivas.", "لا تحتوي هذه القصة على شرائح بعد."],
    LoadTimedOut => ["no answer for {seconds} seconds: the server or the connection stopped responding", "aucune réponse depuis {seconds} secondes : le serveur ou la connexion ne répond plus", "sin respuesta durante {seconds} segundos: el servidor o la conexión dejó de responder", "لا استجابة منذ {seconds} ثانية: توقف الخادم أو الاتصال عن الرد"],
    OpenInMapline => ["Open in Mapline", "Ouvrir dans Mapline", "Abrir en Mapline", "افتح في Mapline"],
    Crashed => ["Something went wrong and this page stopped working. Reload the page to try again.", "Un problème est survenu et cette page ne fonctionne plus. Rechargez la page pour réessayer.", "Algo salió mal y esta página dejó de funcionar. Recargue la página para intentarlo de nuevo.", "حدث خطأ وتوقفت هذه الصفحة عن العمل. أعد تحميل الصفحة للمحاولة مرة أخرى."],
    ExternalNotice => ["This media is hosted by {host}. Loading it connects your browser to that site.", "Ce média est hébergé par {host}. Le charger connecte votre navigateur à ce site.", "Este contenido está alojado en {host}. Cargarlo conecta su navegador con ese sitio.", "هذه الوسائط مستضافة على {host}. تحميلها يوصل متصفحك بذلك الموقع."],
    LoadFrom => ["Load from {host}", "Charger depuis {host}", "Cargar desde {host}", "حمّل من {host}"],
    Reload => ["Reload", "Recharger", "Recargar", "إعادة التحميل"],
}

/// A CLDR plural category, as `Intl.PluralRules` names them. Which one a
/// number takes is the browser's business (`ui::intl`); natively, English's
/// rule ([`Plural::english`]). The text for each is in [`Counted`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    pub const ALL: [Plural; 6] = [
        Plural::Zero,
        Plural::One,
        Plural::Two,
        Plural::Few,
        Plural::Many,
        Plural::Other,
    ];

    /// The category named by `Intl.PluralRules.prototype.select`; anything else is `Other`.
    pub fn from_name(name: &str) -> Plural {
        match name {
            "zero" => Plural::Zero,
            "one" => Plural::One,
            "two" => Plural::Two,
            "few" => Plural::Few,
            "many" => Plural::Many,
            _ => Plural::Other,
        }
    }

    /// English's cardinal rule: one for exactly 1, other otherwise.
    pub fn english(n: f64) -> Plural {
        if n == 1.0 { Plural::One } else { Plural::Other }
    }

    /// The category of a whole number from 0 to 999,999 in English, French
    /// or Spanish, by CLDR's cardinal rules (French: one for 0 and 1;
    /// English and Spanish: one for 1; "many" only starts at a million).
    /// `None` for Arabic and for any other number: those ask the browser
    /// (`Intl.PluralRules`). Counts on a page are nearly all here, and the
    /// first `Intl` object a page makes costs it the locale data's start.
    pub fn without_locale_data(lang: Lang, n: f64) -> Option<Plural> {
        if n.fract() != 0.0 || !(0.0..1e6).contains(&n) {
            return None;
        }
        match lang {
            Lang::En | Lang::Es => Some(Plural::english(n)),
            Lang::Fr => Some(if n <= 1.0 { Plural::One } else { Plural::Other }),
            Lang::Ar => None,
        }
    }
}

/// A whole number under 1,000 as English, French and Spanish write it:
/// Latin digits, no grouping (none of them groups below a thousand). `None`
/// for Arabic (its digits are the locale's choice) and for any other number.
pub fn number_without_locale_data(lang: Lang, n: f64) -> Option<String> {
    let small = n.fract() == 0.0 && n.abs() < 1000.0;
    (small && lang != Lang::Ar).then(|| format!("{}", n as i64))
}

/// A date as the browser's `Intl` writes it in English (`en-GB`, see
/// `ui::intl`), for the shapes that need no locale data: `2 Nov 2012`,
/// `Nov 2012`, `2 Nov`, `Nov` and `2012`, for years 1 to 9999, with CLDR's English
/// month abbreviations (`Sept`: CLDR's en-GB, which Chromium writes, unlike
/// the native [`English`]'s `Sep`). The first Intl date or number formatter
/// of a page costs it 11-20 ms of main thread (ICU's data), which an English
/// timeline often needs for nothing else. `None` for another language, a time
/// of day, an era (year 0 or before) or a year past 9999: Intl writes those.
pub fn date_without_locale_data(lang: Lang, parts: &DateParts) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
    ];
    if lang != Lang::En || parts.time.is_some() || !(1..=9999).contains(&parts.year) {
        return None;
    }
    let month = match parts.month {
        Some(m) => Some(*MONTHS.get(usize::from(m).checked_sub(1)?)?),
        None => None,
    };
    let day = match parts.day {
        Some(d) if (1..=31).contains(&d) => Some(d),
        Some(_) => return None,
        None => None,
    };
    let year = parts.year;
    Some(match (month, day, parts.with_year) {
        (Some(month), Some(day), true) => format!("{day} {month} {year}"),
        (Some(month), Some(day), false) => format!("{day} {month}"),
        (Some(month), None, true) => format!("{month} {year}"),
        (Some(month), None, false) => month.to_owned(),
        (None, None, true) => year.to_string(),
        // A shape the interface does not ask for: Intl decides.
        _ => return None,
    })
}

macro_rules! counted {
    ($($msg:ident => {
        en: [$en1:literal, $en_other:literal],
        fr: [$fr1:literal, $fr_many:literal, $fr_other:literal],
        es: [$es1:literal, $es_many:literal, $es_other:literal],
        ar: [$ar0:literal, $ar1:literal, $ar2:literal, $ar_few:literal, $ar_many:literal, $ar_other:literal],
    },)*) => {
        /// Interface text about a number of things, one text per plural
        /// category each language has (English and Spanish one/other, French
        /// and Spanish many for round millions, Arabic all six). `{count}` is
        /// the number written the reader's way ([`count`]); Arabic's zero, one
        /// and two forms name the number in words and may leave it out. Like
        /// [`Msg`], each is a constant with its own static, kept only where named.
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct Counted(&'static CountedTexts);

        #[allow(non_upper_case_globals)]
        impl Counted {
            $(pub const $msg: Counted = Counted(&CountedTexts {
                en: [$en1, $en_other],
                fr: [$fr1, $fr_many, $fr_other],
                es: [$es1, $es_many, $es_other],
                ar: [$ar0, $ar1, $ar2, $ar_few, $ar_many, $ar_other],
            });)*

            /// Every counted message, for the tests that check the catalogue.
            #[cfg(test)]
            pub const ALL: &'static [Counted] = &[$(Counted::$msg,)*];
        }
    };
}

/// A counted message's texts: English one/other, French and Spanish
/// one/many/other, Arabic zero/one/two/few/many/other.
#[derive(PartialEq, Eq, Hash)]
pub struct CountedTexts {
    en: [&'static str; 2],
    fr: [&'static str; 3],
    es: [&'static str; 3],
    ar: [&'static str; 6],
}

impl Counted {
    /// The text in `lang` for a number of category `plural`; a category the
    /// language does not have reads as its `other`.
    pub fn text(self, lang: Lang, plural: Plural) -> &'static str {
        use Plural as P;
        let t = self.0;
        match lang {
            Lang::En => match plural {
                P::One => t.en[0],
                _ => t.en[1],
            },
            Lang::Fr => match plural {
                P::One => t.fr[0],
                P::Many => t.fr[1],
                _ => t.fr[2],
            },
            Lang::Es => match plural {
                P::One => t.es[0],
                P::Many => t.es[1],
                _ => t.es[2],
            },
            Lang::Ar => match plural {
                P::Zero => t.ar[0],
                P::One => t.ar[1],
                P::Two => t.ar[2],
                P::Few => t.ar[3],
                P::Many => t.ar[4],
                P::Other => t.ar[5],
            },
        }
    }
}

/// A counted message shows as its English "other" text.
impl std::fmt::Debug for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Counted({:?})", self.0.en[1])
    }
}

counted! {
    SearchResults => {
        en: ["{count} result", "{count} results"],
        fr: ["{count} résultat", "{count} de résultats", "{count} résultats"],
        es: ["{count} resultado", "{count} de resultados", "{count} resultados"],
        ar: ["لا توجد نتائج", "نتيجة واحدة", "نتيجتان", "{count} نتائج", "{count} نتيجة", "{count} نتيجة"],
    },
    MoreEvents => {
        en: ["{count} more event here: zoom in", "{count} more events here: zoom in"],
        fr: ["{count} autre événement ici : zoomer", "{count} d’autres événements ici : zoomer", "{count} autres événements ici : zoomer"],
        es: ["{count} hecho más aquí: acercar", "{count} de hechos más aquí: acercar", "{count} hechos más aquí: acercar"],
        ar: ["لا أحداث أخرى هنا", "حدث آخر هنا: تكبير", "حدثان آخران هنا: تكبير", "{count} أحداث أخرى هنا: تكبير", "{count} حدثًا آخر هنا: تكبير", "{count} حدث آخر هنا: تكبير"],
    },
    ListEarlier => {
        en: ["Show the earlier event ({count} more)", "Show earlier events ({count} more)"],
        fr: ["Afficher l’événement antérieur ({count} de plus)", "Afficher les événements antérieurs ({count} de plus)", "Afficher les événements antérieurs ({count} de plus)"],
        es: ["Mostrar el hecho anterior ({count} más)", "Mostrar hechos anteriores ({count} más)", "Mostrar hechos anteriores ({count} más)"],
        ar: ["لا أحداث سابقة", "عرض الحدث السابق (حدث واحد آخر)", "عرض الحدثين السابقين (حدثان آخران)", "عرض الأحداث السابقة ({count} أحداث أخرى)", "عرض الأحداث السابقة ({count} حدثًا آخر)", "عرض الأحداث السابقة ({count} حدث آخر)"],
    },
    ListLater => {
        en: ["Show the later event ({count} more)", "Show later events ({count} more)"],
        fr: ["Afficher l’événement suivant ({count} de plus)", "Afficher les événements suivants ({count} de plus)", "Afficher les événements suivants ({count} de plus)"],
        es: ["Mostrar el hecho posterior ({count} más)", "Mostrar hechos posteriores ({count} más)", "Mostrar hechos posteriores ({count} más)"],
        ar: ["لا أحداث لاحقة", "عرض الحدث اللاحق (حدث واحد آخر)", "عرض الحدثين اللاحقين (حدثان آخران)", "عرض الأحداث اللاحقة ({count} أحداث أخرى)", "عرض الأحداث اللاحقة ({count} حدثًا آخر)", "عرض الأحداث اللاحقة ({count} حدث آخر)"],
    },
    Events => {
        en: ["{count} event", "{count} events"],
        fr: ["{count} événement", "{count} d’événements", "{count} événements"],
        es: ["{count} hecho", "{count} de hechos", "{count} hechos"],
        ar: ["لا أحداث", "حدث واحد", "حدثان", "{count} أحداث", "{count} حدثًا", "{count} حدث"],
    },
    Slides => {
        en: ["{count} slide", "{count} slides"],
        fr: ["{count} diapositive", "{count} de diapositives", "{count} diapositives"],
        es: ["{count} diapositiva", "{count} de diapositivas", "{count} diapositivas"],
        ar: ["لا شرائح", "شريحة واحدة", "شريحتان", "{count} شرائح", "{count} شريحة", "{count} شريحة"],
    },
    Photos => {
        en: ["{count} photo", "{count} photos"],
        fr: ["{count} photo", "{count} de photos", "{count} photos"],
        es: ["{count} foto", "{count} de fotos", "{count} fotos"],
        ar: ["لا صور", "صورة واحدة", "صورتان", "{count} صور", "{count} صورة", "{count} صورة"],
    },
    YearsAgo => {
        en: ["{count} year ago", "{count} years ago"],
        fr: ["il y a {count} an", "il y a {count} d’années", "il y a {count} ans"],
        es: ["hace {count} año", "hace {count} de años", "hace {count} años"],
        ar: ["الآن", "قبل سنة واحدة", "قبل سنتين", "قبل {count} سنوات", "قبل {count} سنة", "قبل {count} سنة"],
    },
    Members => {
        en: ["{count} member organisation", "{count} member organisations"],
        fr: ["{count} organisation membre", "{count} d’organisations membres", "{count} organisations membres"],
        es: ["{count} organización miembro", "{count} de organizaciones miembro", "{count} organizaciones miembro"],
        ar: ["لا منظمات أعضاء", "منظمة عضو واحدة", "منظمتان عضوان", "{count} منظمات أعضاء", "{count} منظمة عضوًا", "{count} منظمة عضو"],
    },
    InCountries => {
        en: ["in {count} country", "in {count} countries"],
        fr: ["dans {count} pays", "dans {count} de pays", "dans {count} pays"],
        es: ["en {count} país", "en {count} de países", "en {count} países"],
        ar: ["في أي دولة", "في دولة واحدة", "في دولتين", "في {count} دول", "في {count} دولة", "في {count} دولة"],
    },
    Countries => {
        en: ["{count} country", "{count} countries"],
        fr: ["{count} pays", "{count} de pays", "{count} pays"],
        es: ["{count} país", "{count} de países", "{count} países"],
        ar: ["لا دول", "دولة واحدة", "دولتان", "{count} دول", "{count} دولة", "{count} دولة"],
    },
    Cases => {
        en: ["{count} case followed", "{count} cases followed"],
        fr: ["{count} affaire suivie", "{count} d’affaires suivies", "{count} affaires suivies"],
        es: ["{count} caso seguido", "{count} de casos seguidos", "{count} casos seguidos"],
        ar: ["لا قضايا متابَعة", "قضية متابَعة واحدة", "قضيتان متابَعتان", "{count} قضايا متابَعة", "{count} قضية متابَعة", "{count} قضية متابَعة"],
    },
    Outcomes => {
        en: ["{count} dated outcome", "{count} dated outcomes"],
        fr: ["{count} résultat daté", "{count} de résultats datés", "{count} résultats datés"],
        es: ["{count} resultado fechado", "{count} de resultados fechados", "{count} resultados fechados"],
        ar: ["لا نتائج مؤرخة", "نتيجة مؤرخة واحدة", "نتيجتان مؤرختان", "{count} نتائج مؤرخة", "{count} نتيجة مؤرخة", "{count} نتيجة مؤرخة"],
    },
    Campaigns => {
        en: ["{count} campaign", "{count} campaigns"],
        fr: ["{count} campagne", "{count} de campagnes", "{count} campagnes"],
        es: ["{count} campaña", "{count} de campañas", "{count} campañas"],
        ar: ["لا حملات", "حملة واحدة", "حملتان", "{count} حملات", "{count} حملة", "{count} حملة"],
    },
    Stories => {
        en: ["{count} story", "{count} stories"],
        fr: ["{count} récit", "{count} de récits", "{count} récits"],
        es: ["{count} historia", "{count} de historias", "{count} historias"],
        ar: ["لا قصص", "قصة واحدة", "قصتان", "{count} قصص", "{count} قصة", "{count} قصة"],
    },
    Galleries => {
        en: ["{count} gallery", "{count} galleries"],
        fr: ["{count} galerie", "{count} de galeries", "{count} galeries"],
        es: ["{count} galería", "{count} de galerías", "{count} galerías"],
        ar: ["لا معارض", "معرض واحد", "معرضان", "{count} معارض", "{count} معرضًا", "{count} معرض"],
    },
    Timelines => {
        en: ["{count} timeline", "{count} timelines"],
        fr: ["{count} chronologie", "{count} de chronologies", "{count} chronologies"],
        es: ["{count} cronología", "{count} de cronologías", "{count} cronologías"],
        ar: ["لا خطوط زمنية", "خط زمني واحد", "خطان زمنيان", "{count} خطوط زمنية", "{count} خطًا زمنيًا", "{count} خط زمني"],
    },
    Bytes => {
        en: ["({count} byte)", "({count} bytes)"],
        fr: ["({count} octet)", "({count} d’octets)", "({count} octets)"],
        es: ["({count} byte)", "({count} de bytes)", "({count} bytes)"],
        ar: ["(فارغ)", "(بايت واحد)", "(بايتان)", "({count} بايتات)", "({count} بايتًا)", "({count} بايت)"],
    },
}

/// A calendar date to write, at the precision it has: the fields present
/// are written (`with_year: false` leaves the year out, for the axis's day
/// ticks). Years are astronomical (0 is 1 BCE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateParts {
    pub year: i64,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hour, minute and perhaps second.
    pub time: Option<(u8, u8, Option<u8>)>,
    pub with_year: bool,
}

/// How numbers, plural categories and dates are written for a language: the
/// seam between the pure code (labels, ticks, counts, tested natively with
/// [`English`]) and the browser's `Intl` (`ui::intl`), which knows every
/// language's month names, eras and digits at no cost to the wasm.
pub trait Locale {
    fn lang(&self) -> Lang;
    /// `12,000`, `12 000`, `١٢٬٠٠٠` (the digits CLDR gives the language).
    fn number(&self, n: f64) -> String;
    /// A large number in words: `13.8 billion`, `13,8 milliards`.
    fn compact(&self, n: f64) -> String;
    fn plural(&self, n: f64) -> Plural;
    /// `2 Nov 2012`, `Nov 2012`, `2012`, `501 BCE`, `2 Nov 2012 14:30`.
    fn date(&self, parts: &DateParts) -> String;
    /// A country's name from its ISO code: `Mexique`, `المكسيك`. Natural
    /// Earth's English name by default; a code outside the table as given.
    fn country(&self, code: &str) -> String {
        crate::countries::name_or_code(code).to_owned()
    }
    /// The order of two names in the language's alphabet (`Égypte` before
    /// `Zambie`); by code point by default.
    fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        a.cmp(b)
    }
}

/// English as the native code writes it (the CLI, the importers, tests).
#[derive(Clone, Copy, Debug, Default)]
pub struct English;

impl Locale for English {
    fn lang(&self) -> Lang {
        Lang::En
    }

    fn number(&self, n: f64) -> String {
        if n.fract() == 0.0 && n.abs() < 1e18 {
            let grouped = group_thousands(n.abs() as u64);
            if n < 0.0 {
                format!("-{grouped}")
            } else {
                grouped
            }
        } else {
            n.to_string()
        }
    }

    fn compact(&self, n: f64) -> String {
        let scaled = |unit: f64, word: &str| {
            let value = format!("{:.1}", n / unit);
            let value = value.strip_suffix(".0").unwrap_or(&value).to_owned();
            format!("{value} {word}")
        };
        if n.abs() >= 1e9 {
            scaled(1e9, "billion")
        } else if n.abs() >= 1e6 {
            scaled(1e6, "million")
        } else {
            self.number(n)
        }
    }

    fn plural(&self, n: f64) -> Plural {
        Plural::english(n)
    }

    fn date(&self, parts: &DateParts) -> String {
        crate::model::date::english_date(parts)
    }
}

/// `12,000`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The text of `msg` for `n` things in the locale's language: its plural
/// category's text with `{count}` written the locale's way.
pub fn count(locale: &dyn Locale, msg: Counted, n: usize) -> String {
    let n = n as f64;
    count_text(locale, msg, n, &locale.number(n))
}

/// The text of `msg` for `n` things, with `{count}` as `written` (a number
/// written some other way: `13.8 billion`).
pub fn count_text(locale: &dyn Locale, msg: Counted, n: f64, written: &str) -> String {
    fill(
        msg.text(locale.lang(), locale.plural(n)),
        &[("count", written)],
    )
}

/// The label of a case status.
pub fn case_status(status: crate::model::CaseStatus) -> Msg {
    use crate::model::CaseStatus as S;
    match status {
        S::Open => Msg::StatusOpen,
        S::PartlyResolved => Msg::StatusPartlyResolved,
        S::Resolved => Msg::StatusResolved,
    }
}

/// The label of an outcome kind.
pub fn outcome_kind(kind: crate::model::OutcomeKind) -> Msg {
    use crate::model::OutcomeKind as K;
    match kind {
        K::Attack => Msg::KindAttack,
        K::Threat => Msg::KindThreat,
        K::Arrest => Msg::KindArrest,
        K::Detention => Msg::KindDetention,
        K::Charge => Msg::KindCharge,
        K::Trial => Msg::KindTrial,
        K::Sentence => Msg::KindSentence,
        K::Appeal => Msg::KindAppeal,
        K::Release => Msg::KindRelease,
        K::Acquittal => Msg::KindAcquittal,
        K::SuspectsArrested => Msg::KindSuspectsArrested,
        K::PerpetratorsConvicted => Msg::KindPerpetratorsConvicted,
        K::SentenceLifted => Msg::KindSentenceLifted,
        K::CampaignAction => Msg::KindCampaignAction,
        K::GovernmentResponse => Msg::KindGovernmentResponse,
        K::UnResponse => Msg::KindUnResponse,
        K::Other => Msg::KindOther,
    }
}

/// The home page's figures: each one's name (`data-stat`), value and
/// what it counts.
pub fn stat_figures(stats: &crate::model::Stats) -> [(&'static str, usize, Counted); 7] {
    [
        ("members", stats.members, Counted::Members),
        ("countries", stats.member_countries, Counted::Countries),
        ("cases", stats.cases, Counted::Cases),
        ("outcomes", stats.outcomes, Counted::Outcomes),
        ("campaigns", stats.campaigns, Counted::Campaigns),
        ("stories", stats.stories, Counted::Stories),
        ("galleries", stats.galleries, Counted::Galleries),
    ]
}

/// A figure set large above its label: `12` over `member organisations`.
/// The label is the plural form for `n` without its number; Arabic's forms
/// that name the number in words stand whole (`2` over `قصتان`, two
/// stories), except zero's "none" (`لا قصص`), which under a `0` would say
/// it twice: the form a written number takes stands in.
pub fn figure(locale: &dyn Locale, msg: Counted, n: usize) -> (String, String) {
    let n = n as f64;
    let lang = locale.lang();
    let plural = locale.plural(n);
    let mut text = msg.text(lang, plural);
    if plural == Plural::Zero && !text.contains("{count}") {
        text = msg.text(lang, Plural::Other);
    }
    let label = text.replace("{count}", " ");
    (
        locale.number(n),
        label.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// The home page's lead: `… 104 member organisations in 67 countries.`
pub fn home_lead(locale: &dyn Locale, stats: &crate::model::Stats) -> String {
    fill(
        Msg::HomeLead.text(locale.lang()),
        &[
            ("members", &count(locale, Counted::Members, stats.members)),
            (
                "countries",
                &count(locale, Counted::InCountries, stats.member_countries),
            ),
        ],
    )
}

/// A dataset in one line, in the locale's language: `2 member organisations
/// in 1 country, 3 cases followed, …` (then the timelines, when there are any).
pub fn stats_summary(locale: &dyn Locale, stats: &crate::model::Stats) -> String {
    let lang = locale.lang();
    let summary = fill(
        Msg::StatsSummary.text(lang),
        &[
            ("members", &count(locale, Counted::Members, stats.members)),
            (
                "countries",
                &count(locale, Counted::InCountries, stats.member_countries),
            ),
            ("cases", &count(locale, Counted::Cases, stats.cases)),
            (
                "campaigns",
                &count(locale, Counted::Campaigns, stats.campaigns),
            ),
            ("stories", &count(locale, Counted::Stories, stats.stories)),
            (
                "galleries",
                &count(locale, Counted::Galleries, stats.galleries),
            ),
        ],
    );
    if stats.timelines == 0 {
        return summary;
    }
    fill(
        Msg::StatsSummaryTimelines.text(lang),
        &[
            ("summary", &summary),
            (
                "timelines",
                &count(locale, Counted::Timelines, stats.timelines),
            ),
        ],
    )
}

/// A calendar year (astronomical: 0 is 1 BCE) written the locale's way:
/// `2012`, `501 BCE`, `501 av. J.-C.`.
pub fn year(locale: &dyn Locale, year: i64) -> String {
    locale.date(&DateParts {
        year,
        month: None,
        day: None,
        time: None,
        with_year: true,
    })
}

/// A position such as `3 of 12` (`msg` has `{n}` and `{count}`), both
/// numbers written the locale's way.
pub fn nth_of(locale: &dyn Locale, msg: Msg, n: usize, total: usize) -> String {
    fill(
        msg.text(locale.lang()),
        &[
            ("n", &locale.number(n as f64)),
            ("count", &locale.number(total as f64)),
        ],
    )
}

/// Fills `{name}` placeholders in a catalogue text, in one pass over the
/// template: a value from the data that itself holds `{count}` or `{id}`
/// stays as written instead of being filled in turn. A placeholder with no
/// value stays as written.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_need_no_locale_data_except_in_arabic() {
        use Plural::{One, Other};
        // CLDR: French counts 0 and 1 as one; English and Spanish only 1.
        for (lang, zero, one, two) in [
            (Lang::En, Other, One, Other),
            (Lang::Fr, One, One, Other),
            (Lang::Es, Other, One, Other),
        ] {
            assert_eq!(Plural::without_locale_data(lang, 0.0), Some(zero));
            assert_eq!(Plural::without_locale_data(lang, 1.0), Some(one));
            assert_eq!(Plural::without_locale_data(lang, 2.0), Some(two));
            assert_eq!(Plural::without_locale_data(lang, 999_999.0), Some(Other));
            // A million is "many" in French and Spanish; fractions have rules
            // of their own: the browser decides.
            assert_eq!(Plural::without_locale_data(lang, 1e6), None);
            assert_eq!(Plural::without_locale_data(lang, 1.5), None);
            assert_eq!(Plural::without_locale_data(lang, -1.0), None);
            assert_eq!(
                number_without_locale_data(lang, 42.0).as_deref(),
                Some("42")
            );
            assert_eq!(
                number_without_locale_data(lang, -999.0).as_deref(),
                Some("-999")
            );
            assert_eq!(number_without_locale_data(lang, 1000.0), None);
            assert_eq!(number_without_locale_data(lang, 0.5), None);
        }
        assert_eq!(Plural::without_locale_data(Lang::Ar, 3.0), None);
        assert_eq!(number_without_locale_data(Lang::Ar, 3.0), None);
        assert_eq!(number_without_locale_data(Lang::En, f64::NAN), None);
    }

    #[test]
    fn english_dates_without_locale_data_are_what_chromium_writes_for_en_gb() {
        // Chromium 156's `Intl.DateTimeFormat("en-GB", {timeZone: "UTC", …})`
        // for these fields, copied from the browser.
        let parts = |year, month, day, with_year| DateParts {
            year,
            month,
            day,
            time: None,
            with_year,
        };
        let en = |p: DateParts| date_without_locale_data(Lang::En, &p);
        assert_eq!(
            en(parts(2012, Some(11), Some(2), true)).as_deref(),
            Some("2 Nov 2012")
        );
        assert_eq!(
            en(parts(2012, Some(9), Some(2), true)).as_deref(),
            Some("2 Sept 2012")
        );
        assert_eq!(
            en(parts(2012, Some(9), None, true)).as_deref(),
            Some("Sept 2012")
        );
        assert_eq!(
            en(parts(2012, Some(9), Some(2), false)).as_deref(),
            Some("2 Sept")
        );
        assert_eq!(en(parts(2012, None, None, true)).as_deref(), Some("2012"));
        assert_eq!(
            en(parts(5, Some(9), Some(2), true)).as_deref(),
            Some("2 Sept 5")
        );
        let months: Vec<String> = (1..=12)
            .filter_map(|m| en(parts(2012, Some(m), Some(2), true)))
            .collect();
        assert_eq!(
            months.join(" | "),
            "2 Jan 2012 | 2 Feb 2012 | 2 Mar 2012 | 2 Apr 2012 | 2 May 2012 | 2 Jun 2012 | \
             2 Jul 2012 | 2 Aug 2012 | 2 Sept 2012 | 2 Oct 2012 | 2 Nov 2012 | 2 Dec 2012"
        );
        // Intl writes the rest: eras, far years, times, other languages, and
        // what is not a date.
        assert_eq!(en(parts(0, None, None, true)), None);
        assert_eq!(en(parts(12345, None, None, true)), None);
        assert_eq!(en(parts(2012, Some(13), None, true)), None);
        assert_eq!(en(parts(2012, Some(2), Some(0), true)), None);
        assert_eq!(en(parts(2012, None, Some(2), true)), None);
        let timed = DateParts {
            time: Some((14, 30, None)),
            ..parts(2012, Some(11), Some(2), true)
        };
        assert_eq!(en(timed), None);
        for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
            assert_eq!(
                date_without_locale_data(lang, &parts(2012, None, None, true)),
                None
            );
        }
    }

    #[test]
    fn every_message_has_text_in_every_language() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(
                    !msg.text(lang).trim().is_empty(),
                    "{msg:?} is empty in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn translations_keep_the_english_placeholders() {
        let placeholders = |s: &str| -> Vec<String> {
            let mut names: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names
        };
        for &msg in Msg::ALL {
            let english = placeholders(msg.text(Lang::En));
            for lang in Lang::ALL {
                assert_eq!(placeholders(msg.text(lang)), english, "{msg:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn fill_puts_each_value_once_and_leaves_values_alone() {
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
        // A value holding a placeholder is data, not a template.
        assert_eq!(
            fill(
                "Nothing has the id “{id}” ({count})",
                &[("id", "{count}"), ("count", "3")]
            ),
            "Nothing has the id “{count}” (3)"
        );
        assert_eq!(fill("{missing} {a", &[("a", "x")]), "{missing} {a");
        assert_eq!(fill("é{a}ü", &[("a", "ß")]), "éßü");
    }

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("es_MX"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn explicit_choice_beats_stored_beats_browser() {
        assert_eq!(Lang::choose(Some("ar"), Some("fr"), ["es"]), Lang::Ar);
        assert_eq!(Lang::choose(None, Some("fr"), ["es"]), Lang::Fr);
        assert_eq!(Lang::choose(Some("xx"), None, ["de-DE", "es-ES"]), Lang::Es);
        assert_eq!(Lang::choose(None, None, ["de", "it"]), Lang::En);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        let rtl: Vec<Lang> = Lang::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, vec![Lang::Ar]);
    }

    #[test]
    fn every_counted_text_has_its_number_where_the_language_writes_it() {
        for &msg in Counted::ALL {
            for lang in Lang::ALL {
                for plural in Plural::ALL {
                    let text = msg.text(lang, plural);
                    assert!(!text.trim().is_empty(), "{msg:?} {lang:?} {plural:?}");
                    // Only Arabic's zero, one and two forms may say the number in words.
                    let in_words = lang == Lang::Ar
                        && matches!(plural, Plural::Zero | Plural::One | Plural::Two);
                    assert!(
                        in_words || text.contains("{count}"),
                        "{msg:?} {lang:?} {plural:?}: {text}"
                    );
                    assert!(!text.replace("{count}", "").contains('{'), "{msg:?}");
                }
            }
        }
    }

    #[test]
    fn arabic_has_six_different_forms_and_english_two() {
        for &msg in Counted::ALL {
            let arabic: std::collections::HashSet<&str> = Plural::ALL
                .into_iter()
                .map(|p| msg.text(Lang::Ar, p))
                .collect();
            // Many and other coincide for most nouns (the singular accusative
            // and genitive look alike unwritten vowels aside); never fewer than five.
            assert!(arabic.len() >= 5, "{msg:?}: {arabic:?}");
            assert_ne!(
                msg.text(Lang::En, Plural::One),
                msg.text(Lang::En, Plural::Other)
            );
        }
    }

    #[test]
    fn counts_choose_the_form_and_write_the_number() {
        assert_eq!(count(&English, Counted::SearchResults, 1), "1 result");
        assert_eq!(count(&English, Counted::SearchResults, 2), "2 results");
        assert_eq!(count(&English, Counted::SearchResults, 0), "0 results");
        assert_eq!(
            count(&English, Counted::MoreEvents, 12_000),
            "12,000 more events here: zoom in"
        );
        assert_eq!(Plural::from_name("few"), Plural::Few);
        assert_eq!(Plural::from_name("bogus"), Plural::Other);
        // Arabic's dual, without a digit.
        assert_eq!(count(&Arabic, Counted::Photos, 2), "صورتان");
        assert_eq!(English.compact(13.8e9), "13.8 billion");
        assert_eq!(English.compact(2e6), "2 million");
        assert_eq!(English.number(-1234.0), "-1,234");
    }

    /// Arabic as CLDR counts (the rule `Intl.PluralRules("ar")` applies),
    /// with English's digits and dates: to check which form each text takes.
    struct Arabic;
    impl Locale for Arabic {
        fn lang(&self) -> Lang {
            Lang::Ar
        }
        fn number(&self, n: f64) -> String {
            English.number(n)
        }
        fn compact(&self, n: f64) -> String {
            English.compact(n)
        }
        fn plural(&self, n: f64) -> Plural {
            match (n as u64, n as u64 % 100) {
                (0, _) => Plural::Zero,
                (1, _) => Plural::One,
                (2, _) => Plural::Two,
                (_, 3..=10) => Plural::Few,
                (_, 11..=99) => Plural::Many,
                _ => Plural::Other,
            }
        }
        fn date(&self, parts: &DateParts) -> String {
            English.date(parts)
        }
    }

    fn stats(members: usize, countries: usize) -> crate::model::Stats {
        crate::model::Stats {
            members,
            member_countries: countries,
            cases: 3,
            campaigns: 1,
            stories: 2,
            galleries: 11,
            ..Default::default()
        }
    }

    #[test]
    fn the_home_lead_counts_members_and_countries_in_their_plural_forms() {
        assert_eq!(
            home_lead(&English, &stats(104, 67)),
            "A global network defending and promoting free expression: 104 member organisations in 67 countries."
        );
        assert!(
            home_lead(&English, &stats(1, 1)).ends_with(": 1 member organisation in 1 country.")
        );
        // The dual and the few-form in Arabic; the many-form (11 to 99).
        assert!(home_lead(&Arabic, &stats(2, 3)).ends_with(": منظمتان عضوان في 3 دول."));
        assert!(home_lead(&Arabic, &stats(100, 67)).ends_with(": 100 منظمة عضو في 67 دولة."));
        // 104 ends in 4: the few-form, as for 3 to 10.
        assert!(home_lead(&Arabic, &stats(104, 2)).ends_with(": 104 منظمات أعضاء في دولتين."));
        assert!(home_lead(&Arabic, &stats(12, 1)).ends_with(": 12 منظمة عضوًا في دولة واحدة."));
    }

    #[test]
    fn a_figure_is_its_number_over_the_label_of_its_plural_form() {
        let figure_of = |locale: &dyn Locale, n| figure(locale, Counted::Members, n);
        assert_eq!(
            figure_of(&English, 1),
            ("1".into(), "member organisation".into())
        );
        assert_eq!(
            figure_of(&English, 1200),
            ("1,200".into(), "member organisations".into())
        );
        assert_eq!(figure_of(&Arabic, 2), ("2".into(), "منظمتان عضوان".into()));
        assert_eq!(figure_of(&Arabic, 5), ("5".into(), "منظمات أعضاء".into()));
        assert_eq!(figure_of(&Arabic, 11), ("11".into(), "منظمة عضوًا".into()));
        // Not "0" over "no member organisations".
        assert_eq!(figure_of(&Arabic, 0), ("0".into(), "منظمة عضو".into()));
        for (name, _, msg) in stat_figures(&stats(4, 2)) {
            for n in [0, 1, 2, 5, 11, 100] {
                let (_, label) = figure(&Arabic, msg, n);
                assert!(!label.is_empty() && !label.contains('{'), "{name} {n}");
            }
        }
    }

    #[test]
    fn the_summary_counts_everything_in_the_language() {
        let mut with_timeline = stats(2, 1);
        assert_eq!(
            stats_summary(&English, &with_timeline),
            "2 member organisations in 1 country, 3 cases followed, 1 campaign, 2 stories, 11 galleries"
        );
        with_timeline.timelines = 1;
        assert!(stats_summary(&English, &with_timeline).ends_with(", 11 galleries, 1 timeline"));
        assert_eq!(
            stats_summary(&Arabic, &with_timeline),
            "منظمتان عضوان في دولة واحدة، 3 قضايا متابَعة، حملة واحدة، قصتان، 11 معرضًا، خط زمني واحد"
        );
    }

    #[test]
    fn years_are_written_as_dates_of_year_precision() {
        assert_eq!(year(&English, 2012), "2012");
        assert_eq!(year(&English, 0), "1 BCE");
        assert_eq!(year(&English, -500), "501 BCE");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = fill(Msg::RecordNotFound.text(Lang::En), &[("id", "case-1")]);
        assert_eq!(text, "Nothing in the data has the id “case-1”.");
    }
}
