//! The message catalogue for UI text, and the choice of language.
//!
//! A small typed table of our own rather than a crate such as leptos_i18n: the
//! catalogue is a few dozen strings, a `match` compiles to almost nothing in the
//! wasm, every message must exist in every language or the build fails (the
//! macro takes exactly one string per language), and there is no build-time code
//! generation to slow the loop. Data text (names, summaries) is multilingual in
//! the data itself (`model::Text`); this table is only for the interface.

/// A language the interface is translated into.
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

macro_rules! catalogue {
    ($($msg:ident => [$en:literal, $fr:literal, $es:literal, $ar:literal],)*) => {
        /// A piece of interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($msg,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$msg,)*];

            /// The text in `lang`. Placeholders such as `{count}` are filled by [`fill`].
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$msg, Lang::En) => $en,
                        (Msg::$msg, Lang::Fr) => $fr,
                        (Msg::$msg, Lang::Es) => $es,
                        (Msg::$msg, Lang::Ar) => $ar,
                    )*
                }
            }
        }
    };
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
    NotFoundTitle => ["Page not found", "Page introuvable", "Página no encontrada", "الصفحة غير موجودة"],
    NotFoundText => ["There is nothing at this address. It may have moved, or the link may be mistyped.", "Il n’y a rien à cette adresse. Elle a peut-être changé, ou le lien contient une faute.", "No hay nada en esta dirección. Puede que haya cambiado o que el enlace tenga un error.", "لا يوجد شيء في هذا العنوان. ربما نُقل أو أن الرابط غير صحيح."],
    RecordNotFound => ["Nothing in the data has the id “{id}”.", "Aucun élément des données n’a l’identifiant « {id} ».", "Ningún elemento de los datos tiene el identificador «{id}».", "لا يوجد في البيانات عنصر بالمعرّف «{id}»."],
    BackHome => ["Back to the home page", "Retour à l’accueil", "Volver al inicio", "العودة إلى الصفحة الرئيسية"],
    HomeLead => ["A global network defending and promoting free expression: {members} member organisations in {countries} countries.", "Un réseau mondial qui défend et promeut la liberté d’expression : {members} organisations membres dans {countries} pays.", "Una red mundial que defiende y promueve la libertad de expresión: {members} organizaciones miembro en {countries} países.", "شبكة عالمية تدافع عن حرية التعبير وتعززها: {members} منظمة عضوًا في {countries} بلدًا."],
    AtAGlance => ["The network at a glance", "Le réseau en un coup d’œil", "La red de un vistazo", "الشبكة في لمحة"],
    StatMembers => ["member organisations", "organisations membres", "organizaciones miembro", "منظمة عضو"],
    StatCountries => ["countries", "pays", "países", "بلدًا"],
    StatCases => ["cases followed", "affaires suivies", "casos seguidos", "قضية متابَعة"],
    StatOutcomes => ["dated outcomes", "résultats datés", "resultados fechados", "نتيجة مؤرخة"],
    StatCampaigns => ["campaigns", "campagnes", "campañas", "حملة"],
    StatStories => ["stories", "récits", "historias", "قصة"],
    StatGalleries => ["galleries", "galeries", "galerías", "معرض"],
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
    SearchResults => ["{count} results", "{count} résultats", "{count} resultados", "{count} نتيجة"],
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
    UncertainDate => ["uncertain date", "date incertaine", "fecha incierta", "تاريخ غير مؤكد"],
    SelectedEvent => ["Selected: {title}, {date}", "Sélection : {title}, {date}", "Seleccionado: {title}, {date}", "المحدد: {title}، {date}"],
    MoreEvents => ["{count} more events here: zoom in", "{count} autres événements ici : zoomer", "{count} hechos más aquí: acercar", "{count} أحداث أخرى هنا: تكبير"],
    ShowOnMap => ["Show on the map", "Voir sur la carte", "Ver en el mapa", "عرض على الخريطة"],
    CloseDetails => ["Close the details", "Fermer le détail", "Cerrar el detalle", "إغلاق التفاصيل"],
    EventDetails => ["Event details", "Détail de l’événement", "Detalle del hecho", "تفاصيل الحدث"],
    CaseOf => ["Case: {person}", "Affaire : {person}", "Caso: {person}", "القضية: {person}"],
    ListEarlier => ["Show earlier events ({count} more)", "Afficher les événements antérieurs ({count} de plus)", "Mostrar hechos anteriores ({count} más)", "عرض الأحداث السابقة ({count} أخرى)"],
    ListLater => ["Show later events ({count} more)", "Afficher les événements suivants ({count} de plus)", "Mostrar hechos posteriores ({count} más)", "عرض الأحداث اللاحقة ({count} أخرى)"],
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
    Slides => ["{count} slides", "{count} diapositives", "{count} diapositivas", "{count} شرائح"],
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
    Photos => ["{count} photos", "{count} photos", "{count} fotos", "{count} صور"],
    PhotoCounter => ["{index} of {count}", "{index} sur {count}", "{index} de {count}", "{index} من {count}"],
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
    DraftFileSize => ["({bytes} bytes)", "({bytes} octets)", "({bytes} bytes)", "({bytes} بايت)"],
    DraftOpenAnyway => ["Open it anyway", "L’ouvrir quand même", "Abrirlo de todos modos", "افتحها على أي حال"],
    DraftDownload => ["Download it", "Le télécharger", "Descargarlo", "نزّلها"],
    DraftDiscard => ["Discard it", "Le supprimer", "Descartarlo", "تخلّص منها"],
    DraftHeldElsewhere => ["This draft stopped the preview last time, so it is not opened here. Go to the staff preview (/preview) to open it anyway, download it or discard it.", "Ce brouillon a arrêté l’aperçu la dernière fois ; il n’est donc pas ouvert ici. Allez à l’aperçu (/preview) pour l’ouvrir quand même, le télécharger ou le supprimer.", "Este borrador detuvo la vista previa la última vez, así que no se abre aquí. Vaya a la vista previa (/preview) para abrirlo de todos modos, descargarlo o descartarlo.", "أوقفت هذه المسودة المعاينة في المرة السابقة، لذا لا تُفتح هنا. انتقل إلى المعاينة (/preview) لفتحها على أي حال أو تنزيلها أو التخلّص منها."],
    DraftNotKept => ["This draft could not be kept in this browser’s storage (it is too large, or storage is refused): it will be lost when this page closes. Download it to keep it.", "Ce brouillon n’a pas pu être conservé dans le stockage de ce navigateur (il est trop volumineux, ou le stockage est refusé) : il sera perdu à la fermeture de cette page. Téléchargez-le pour le garder.", "Este borrador no se pudo guardar en el almacenamiento de este navegador (es demasiado grande o el almacenamiento está bloqueado): se perderá al cerrar esta página. Descárguelo para conservarlo.", "تعذّر حفظ هذه المسودة في تخزين هذا المتصفح (حجمها كبير جدًا أو التخزين مرفوض): ستُفقد عند إغلاق هذه الصفحة. نزّلها للاحتفاظ بها."],
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

/// Fills `{name}` placeholders in a catalogue text.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn fill_replaces_every_placeholder() {
        let text = fill(
            Msg::HomeLead.text(Lang::En),
            &[("members", "104"), ("countries", "67")],
        );
        assert!(text.contains("104 member organisations in 67 countries"));
        assert!(!text.contains('{'));
    }
}
