//! The language of every text the tool writes: one Fluent message catalogue per language
//! (`locales/zh-CN.ftl`, `locales/en.ftl`), embedded in the binary and looked up by key.
//!
//! The command line decides the language once, before it formats anything ([`set_lang`]);
//! the library itself speaks English until told otherwise, so that programs and tests that
//! call it directly see stable text. Messages are formatted with [`tr!`]:
//!
//! ```
//! use reportlint::tr;
//! let s = tr!("summary-files", files = 3);
//! assert!(!s.is_empty());
//! ```
//!
//! Keys are plain Fluent identifiers; a test checks that every key used in the source is in
//! both catalogues and that each message takes the same arguments in both.

use std::cell::Cell;
use std::fmt::Display;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The Chinese catalogue, as written in the repository.
pub const ZH_CATALOGUE: &str = include_str!("../locales/zh-CN.ftl");
/// The English catalogue, as written in the repository.
pub const EN_CATALOGUE: &str = include_str!("../locales/en.ftl");

/// A language the tool speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese (zh-CN), the command line's default.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language a setting names: `zh`, `zh-CN`, `zh_CN.UTF-8` → Chinese, `en…` → English,
    /// anything else → none.
    pub fn parse(value: &str) -> Option<Lang> {
        let v = value.trim().to_ascii_lowercase();
        if v.starts_with("en") {
            Some(Lang::En)
        } else if v.starts_with("zh") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The catalogue's language tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

const UNSET: u8 = 0;
const ZH: u8 = 1;
const EN: u8 = 2;

static LANG: AtomicU8 = AtomicU8::new(UNSET);

thread_local! {
    static THREAD_LANG: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Set the language of the whole process (the command line does this once, at start).
pub fn set_lang(lang: Lang) {
    let v = match lang {
        Lang::Zh => ZH,
        Lang::En => EN,
    };
    LANG.store(v, Ordering::Relaxed);
}

/// The language messages are written in now: the current thread's (see [`with_lang`]), else
/// the process's, else English.
pub fn lang() -> Lang {
    if let Some(lang) = THREAD_LANG.with(Cell::get) {
        return lang;
    }
    match LANG.load(Ordering::Relaxed) {
        ZH => Lang::Zh,
        _ => Lang::En,
    }
}

/// Run `f` with messages of this thread in `lang` (for tests that compare both languages).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = THREAD_LANG.with(|c| c.replace(Some(lang)));
    let out = f();
    THREAD_LANG.with(|c| c.set(before));
    out
}

/// The language chosen by the environment as a POSIX program reads it: `REPORTLINT_LANG`
/// first, then the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG` (English when it starts
/// with `en`); Chinese otherwise. `get` reads a variable (the process environment in use).
pub fn lang_from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = get("REPORTLINT_LANG").as_deref().and_then(Lang::parse) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| get(name))
        .find(|v| !v.is_empty());
    match locale {
        Some(v) if v.starts_with("en") => Lang::En,
        _ => Lang::Zh,
    }
}

fn bundle(tag: &str, text: &str) -> FluentBundle<FluentResource> {
    let id = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    // A catalogue with a syntax error still serves its good messages (a test keeps both
    // catalogues free of errors).
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

/// Each catalogue is parsed the first time a message of its language is asked for (a run
/// in one language never parses the other one's, unless a key is missing from its own).
static ZH_BUNDLE: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle("zh-CN", ZH_CATALOGUE));
static EN_BUNDLE: LazyLock<FluentBundle<FluentResource>> =
    LazyLock::new(|| bundle("en", EN_CATALOGUE));

/// The parsed catalogue of `lang`.
fn catalogue(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Zh => &ZH_BUNDLE,
        Lang::En => &EN_BUNDLE,
    }
}

/// A value for a message argument. Whole numbers become Fluent numbers (so that messages can
/// choose a plural form); everything else is text, shown as it is.
pub fn arg<T: Display + ?Sized>(value: &T) -> FluentValue<'static> {
    let s = value.to_string();
    let digits = !s.is_empty()
        && s.len() <= 15
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s == "0" || !s.starts_with('0'));
    if digits {
        if let Ok(n) = s.parse::<u64>() {
            return FluentValue::from(n as f64);
        }
    }
    FluentValue::from(s)
}

/// The message `key` in the current language, with `args`. A key missing from the current
/// catalogue falls back to the other one, and then to the key itself.
pub fn text(key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    text_in(lang(), key, args)
}

/// The message `key` in `lang`, with `args`.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let fluent_args = if args.is_empty() {
        None
    } else {
        let mut a = FluentArgs::new();
        for (name, value) in args {
            a.set(*name, value.clone());
        }
        Some(a)
    };
    for bundle in [lang, other].into_iter().map(catalogue) {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
                .into_owned();
        }
    }
    key.to_string()
}

/// A catalogue message formatted only when it is read ([`msg!`](crate::msg)): its key, the
/// language it was made in and its arguments, converted but not yet put into the text.
/// Whatever is said about every statement of a report (why its figures were paired, why it
/// was not checked) is read for few of them; making it costs no Fluent formatting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Message {
    key: &'static str,
    lang: Option<Lang>,
    args: Vec<(&'static str, MessageArg)>,
}

/// An argument of a [`Message`]: a value, or a message of its own.
#[derive(Clone, Debug, PartialEq)]
pub enum MessageArg {
    Value(FluentValue<'static>),
    Message(Message),
}

/// What a [`msg!`](crate::msg) argument can be: anything shown with `Display`, or a message.
pub trait ToMessageArg {
    fn to_message_arg(&self) -> MessageArg;
}

impl<T: Display + ?Sized> ToMessageArg for T {
    fn to_message_arg(&self) -> MessageArg {
        MessageArg::Value(arg(self))
    }
}

impl ToMessageArg for Message {
    fn to_message_arg(&self) -> MessageArg {
        MessageArg::Message(self.clone())
    }
}

impl Message {
    /// The message `key` with `args`, in the current language.
    pub fn new(key: &'static str, args: Vec<(&'static str, MessageArg)>) -> Message {
        Message {
            key,
            lang: Some(lang()),
            args,
        }
    }

    /// Whether it is the empty message (nothing to say).
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }

    /// The text, as [`tr!`](crate::tr) would have made it when the message was made; empty
    /// for the empty message.
    pub fn text(&self) -> String {
        let Some(lang) = self.lang.filter(|_| !self.key.is_empty()) else {
            return String::new();
        };
        let args: Vec<(&str, FluentValue<'static>)> = self
            .args
            .iter()
            .map(|(name, a)| match a {
                MessageArg::Value(v) => (*name, v.clone()),
                MessageArg::Message(m) => (*name, arg(&m.text())),
            })
            .collect();
        text_in(lang, self.key, &args)
    }
}

impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

/// Whether `key` is in the catalogue of `lang`.
pub fn has_key(lang: Lang, key: &str) -> bool {
    catalogue(lang).has_message(key)
}

/// The message `key` in the current language if the catalogue has it.
pub fn try_text(key: &str) -> Option<String> {
    has_key(lang(), key).then(|| text(key, &[]))
}

/// An I/O error as the reader should see it: in Chinese, the usual kinds said in words (the
/// system's own text is English); in English as the system says it.
pub fn io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang() == Lang::En {
        return e.to_string();
    }
    let key = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only-filesystem",
        K::InvalidData => "io-invalid-data",
        K::UnexpectedEof => "io-unexpected-eof",
        K::FileTooLarge => "io-file-too-large",
        K::BrokenPipe => "io-broken-pipe",
        K::Interrupted => "io-interrupted",
        // Our own refusals are made with text already in the language.
        K::Other => return e.to_string(),
        _ => return crate::tr!("io-other", error = e),
    };
    let code = e.raw_os_error().map(|c| c.to_string()).unwrap_or_default();
    if code.is_empty() {
        text(key, &[])
    } else {
        crate::tr!("io-with-code", what = text(key, &[]), code = code)
    }
}

/// Format a catalogue message in the current language: `tr!("key")`,
/// `tr!("key", name = value, …)`. Values are anything that implements `Display`.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $key,
            &[$((stringify!($name), $crate::i18n::arg(&$value))),+],
        )
    };
}

/// A catalogue message to format when it is read ([`Message`]): `msg!("key", name = value,
/// …)`, values as for [`tr!`](crate::tr) or messages themselves.
#[macro_export]
macro_rules! msg {
    ($key:literal) => {
        $crate::i18n::Message::new($key, Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Message::new(
            $key,
            vec![$((stringify!($name), $crate::i18n::ToMessageArg::to_message_arg(&$value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message made now and read later says what `tr!` says now, nested messages
    /// included, in the language it was made in.
    #[test]
    fn a_message_read_later_reads_as_formatted_at_once() {
        let made = with_lang(Lang::En, || {
            crate::msg!(
                "pair-rate-part",
                part = "18件",
                why = crate::msg!("pair-shares-with-rate", shared = "办结")
            )
        });
        let at_once = with_lang(Lang::En, || {
            crate::tr!(
                "pair-rate-part",
                part = "18件",
                why = crate::tr!("pair-shares-with-rate", shared = "办结")
            )
        });
        assert_eq!(with_lang(Lang::Zh, || made.text()), at_once);
        assert!(
            at_once.contains("18件") && at_once.contains("办结"),
            "{at_once}"
        );
        assert!(Message::default().is_empty() && Message::default().text().is_empty());
    }

    #[test]
    fn environment_order_follows_posix() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(lang_from_env(env(&[])), Lang::Zh);
        assert_eq!(lang_from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(lang_from_env(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", ""), ("LANG", "en_GB.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_GB.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            lang_from_env(env(&[("LC_MESSAGES", "en_US"), ("LANG", "zh_CN")])),
            Lang::En
        );
        assert_eq!(
            lang_from_env(env(&[("REPORTLINT_LANG", "zh"), ("LC_ALL", "en_US")])),
            Lang::Zh
        );
        assert_eq!(
            lang_from_env(env(&[("REPORTLINT_LANG", "en"), ("LANG", "zh_CN")])),
            Lang::En
        );
    }

    #[test]
    fn numbers_choose_plural_forms_and_text_stays_as_written() {
        let one = with_lang(Lang::En, || tr!("summary-files", files = 1));
        let two = with_lang(Lang::En, || tr!("summary-files", files = 2));
        assert_ne!(one, two);
        assert!(matches!(arg("007"), FluentValue::String(_)));
        assert!(matches!(arg("2024"), FluentValue::Number(_)));
    }

    #[test]
    fn a_missing_key_falls_back_to_itself() {
        assert_eq!(
            text_in(Lang::Zh, "no-such-key-anywhere", &[]),
            "no-such-key-anywhere"
        );
    }
}
