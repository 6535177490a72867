//! The RDF terms govgraph writes, in one place.
//!
//! Standard vocabularies are reused wherever one fits (schema.org, FOAF, W3C
//! ORG, PROV-O, Dublin Core); the `gg:` namespace holds only what none of them
//! says. `ontology/govgraph.ttl` declares every `gg:` term listed here, and a
//! test checks that the two agree.

/// Namespace IRIs and the prefixes used for them in exports.
pub const PREFIXES: &[(&str, &str)] = &[
    ("gg", GG),
    ("schema", SCHEMA),
    ("foaf", FOAF),
    ("org", ORG),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("owl", OWL),
    ("xsd", XSD),
];

/// The govgraph ontology namespace.
pub const GG: &str = "https://w3id.org/govgraph/ns#";
/// The default namespace for IRIs govgraph mints for meetings, people, groups.
pub const DEFAULT_BASE: &str = "https://w3id.org/govgraph/id/";
/// schema.org.
pub const SCHEMA: &str = "https://schema.org/";
/// Friend of a Friend.
pub const FOAF: &str = "http://xmlns.com/foaf/0.1/";
/// W3C Organization Ontology.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// W3C PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// DCMI Metadata Terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// The named graph that holds the ontology itself.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/govgraph/ns";

/// The named graph of the store's own bookkeeping: what the last complete
/// ingest derived its graphs and counts from. Outside the union, and never
/// exported or pushed (it describes this store, not the minutes).
pub const STATE_GRAPH: &str = "urn:govgraph:state";

/// Declares full-IRI constants for the local names of one namespace, plus
/// `ALL`, the list of them (used to check the ontology declares each one).
macro_rules! terms {
    ($ns:literal { $($name:ident = $local:literal),* $(,)? }) => {
        $(
            #[doc = concat!("`", $ns, $local, "`")]
            pub const $name: &str = concat!($ns, $local);
        )*
        /// Every IRI of this namespace that govgraph writes.
        pub const ALL: &[&str] = &[$(concat!($ns, $local)),*];
    };
}

/// `gg:` classes and properties .
pub mod gg {
    terms!("https://w3id.org/govgraph/ns#" {
        MEETING = "Meeting",
        GROUP = "Group",
        DOCUMENT = "MinutesDocument",
        ATTENDANCE = "Attendance",
        AGENDA_ITEM = "AgendaItem",
        DECISION = "Decision",
        ACTION = "Action",
        GITHUB_ITEM = "GitHubItem",
        ISSUE = "Issue",
        PULL_REQUEST = "PullRequest",
        DISCUSSION = "Discussion",
        REFERENCE = "Reference",
        REPOSITORY = "Repository",
        TEAM = "Team",
        ATTENDANCE_OF = "attendance",
        PERSON = "person",
        MEETING_PROP = "meeting",
        AGENDA_ITEM_PROP = "agendaItem",
        NAME_AS_WRITTEN = "nameAsWritten",
        HANDLE_AS_WRITTEN = "handleAsWritten",
        AFFILIATION = "affiliation",
        ASSIGNEE_AS_WRITTEN = "assigneeAsWritten",
        ACTION_KEY = "actionKey",
        CARRIED_OVER_FROM = "carriedOverFrom",
        ACTION_THREAD = "ActionThread",
        PARTICIPATION = "Participation",
        GROUP_PROP = "group",
        OCCURRENCE = "occurrence",
        FIRST_LISTED = "firstListed",
        LAST_LISTED = "lastListed",
        MEETING_COUNT = "meetingCount",
        DONE_ON = "doneOn",
        PARTICIPANT = "participant",
        FIRST_ATTENDED = "firstAttended",
        LAST_ATTENDED = "lastAttended",
        MISSED_SINCE = "missedSince",
        LAST_HELD = "lastHeld",
        FIRST_MEETING_DATE = "firstMeetingDate",
        DATED_MEETING_COUNT = "datedMeetingCount",
        HELD_AFTER_FIRST = "heldAfterFirst",
        ITEM_HISTORY = "ItemHistory",
        HISTORY_ENTRY = "HistoryEntry",
        ENTRY = "entry",
        ENTRY_KIND = "entryKind",
        STATEMENT = "statement",
        FIRST_DISCUSSED = "firstDiscussed",
        LAST_DISCUSSED = "lastDiscussed",
        IDENTITY_SUGGESTION = "IdentitySuggestion",
        CANDIDATE = "candidate",
        RESEMBLES = "resembles",
        EDIT_DISTANCE = "editDistance",
        REASON = "reason",
        GITHUB_ISSUE = "githubIssue",
        MINUTES_DOC = "minutesDocument",
        MENTIONS = "mentions",
        REFERENCE_PROP = "reference",
        TARGET = "target",
        TEAM_PRESENT = "teamPresent",
        SOURCE_LINE = "sourceLine",
        SOURCE_END_LINE = "sourceEndLine",
        SOURCE_PATH = "sourcePath",
        GIT_COMMIT = "gitCommit",
        GIT_BLOB = "gitBlob",
        PERMALINK = "permalink",
        CONTENT_HASH = "contentHash",
        NOTE = "note",
        DATE_SOURCE = "dateSource",
        PARSER_VERSION = "parserVersion",
    });
}

/// schema.org terms.
pub mod schema {
    terms!("https://schema.org/" {
        EVENT = "Event",
        EVENT_SERIES = "EventSeries",
        PERSON = "Person",
        ROLE = "Role",
        PLAN_ACTION = "PlanAction",
        NAME = "name",
        START_DATE = "startDate",
        SUPER_EVENT = "superEvent",
        ORGANIZER = "organizer",
        ATTENDEE = "attendee",
        ROLE_NAME = "roleName",
        POSITION = "position",
        ABOUT = "about",
        TEXT = "text",
        AGENT = "agent",
        ACTION_STATUS = "actionStatus",
        POTENTIAL = "PotentialActionStatus",
        COMPLETED = "CompletedActionStatus",
        RECORDED_IN = "recordedIn",
        ALTERNATE_NAME = "alternateName",
        SUB_EVENT = "subEvent",
        EVENT_STATUS = "eventStatus",
        EVENT_CANCELLED = "EventCancelled",
    });
}

/// FOAF terms.
pub mod foaf {
    terms!("http://xmlns.com/foaf/0.1/" {
        PERSON = "Person",
        ONLINE_ACCOUNT = "OnlineAccount",
        ACCOUNT = "account",
        ACCOUNT_NAME = "accountName",
        ACCOUNT_SERVICE_HOMEPAGE = "accountServiceHomepage",
        NAME = "name",
        NICK = "nick",
        DOCUMENT = "Document",
    });
}

/// W3C ORG terms.
pub mod org {
    terms!("http://www.w3.org/ns/org#" {
        ORGANIZATION = "Organization",
        ORGANIZATIONAL_UNIT = "OrganizationalUnit",
        UNIT_OF = "unitOf",
    });
}

/// PROV-O terms.
pub mod prov {
    terms!("http://www.w3.org/ns/prov#" {
        ENTITY = "Entity",
        WAS_GENERATED_BY = "wasGeneratedBy",
        WAS_DERIVED_FROM = "wasDerivedFrom",
    });
}

/// Dublin Core terms terms.
pub mod dcterms {
    terms!("http://purl.org/dc/terms/" {
        IS_PART_OF = "isPartOf",
        RELATION = "relation",
        IDENTIFIER = "identifier",
        TITLE = "title",
        SOURCE = "source",
        REFERENCES = "references",
        DATE = "date",
    });
}
