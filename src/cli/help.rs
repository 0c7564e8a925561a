//! The command line in the chosen language: help, the man page and completions take their
//! descriptions from the message catalogues, and command-line errors are said in that
//! language.
//!
//! clap's derive takes doc comments at compile time, so the built command is walked at run
//! time and every command's `about` and every argument's `help` is set from the catalogue by
//! a key derived from its place: `cmd-check` for `reportlint check`, `cmd-rules-list` for
//! `reportlint rules list`, `arg-check-format` for `check --format`; the command itself is
//! `cmd-root`, and the arguments every command has are `arg-help`, `arg-version`, `arg-lang`.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;
use std::ffi::OsString;

use crate::i18n::{self, Lang};
use crate::tr;

/// Arguments every command has, described once.
const SHARED_ARGS: &[&str] = &["help", "version", "lang"];

/// The language `--lang` asks for, read before clap parses (the help must already be in that
/// language). Stops at `--`; a value that is not a language is left for clap to refuse.
pub fn lang_of_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    let mut chosen = None;
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            chosen = Lang::parse(value).or(chosen);
        } else if arg == "--lang" {
            if let Some(value) = args.next() {
                chosen = Lang::parse(&value).or(chosen);
            }
        }
    }
    chosen
}

/// The key of a command's description (`path` is `root` or the subcommand names joined by `-`).
pub fn command_key(path: &str) -> String {
    format!("cmd-{path}")
}

/// The key of an argument's description.
pub fn arg_key(path: &str, id: &str) -> String {
    if SHARED_ARGS.contains(&id) {
        format!("arg-{id}")
    } else {
        format!("arg-{path}-{id}")
    }
}

/// Every catalogue key the command line needs, with the place it describes.
pub fn required_keys(cmd: &Command) -> Vec<String> {
    let mut cmd = cmd.clone();
    cmd.build();
    let mut keys = Vec::new();
    collect_keys(&cmd, "root", &mut keys);
    keys.sort();
    keys.dedup();
    keys
}

fn collect_keys(cmd: &Command, path: &str, keys: &mut Vec<String>) {
    keys.push(command_key(path));
    for arg in cmd.get_arguments() {
        keys.push(arg_key(path, arg.get_id().as_str()));
    }
    if cmd.get_name() == "help" && path != "root" {
        return;
    }
    for sub in cmd.get_subcommands() {
        let sub_path = sub_path(path, sub.get_name());
        collect_keys(sub, &sub_path, keys);
    }
}

fn sub_path(path: &str, name: &str) -> String {
    if path == "root" {
        name.to_string()
    } else {
        format!("{path}-{name}")
    }
}

/// `cmd` with every description from the catalogue of the current language.
pub fn localize(mut cmd: Command) -> Command {
    cmd.build();
    let zh = i18n::lang() == Lang::Zh;
    let cmd = localize_command(cmd, "root", zh);
    cmd.after_help(tr!("cmd-root-after"))
}

fn localize_command(mut cmd: Command, path: &str, zh: bool) -> Command {
    cmd = cmd
        .about(i18n::text(&command_key(path), &[]))
        .long_about(None);
    if zh {
        cmd = cmd
            .help_template(tr!("help-template"))
            .subcommand_help_heading(tr!("help-heading-commands"));
    }
    let ids: Vec<clap::Id> = cmd.get_arguments().map(|a| a.get_id().clone()).collect();
    for id in ids {
        let key = arg_key(path, id.as_str());
        cmd = cmd.mut_arg(id, |arg| localize_arg(arg, &key, zh));
    }
    if cmd.get_name() == "help" && path != "root" {
        return cmd;
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = sub_path(path, &name);
        cmd = cmd.mut_subcommand(&name, |sub| localize_command(sub, &sub_path, zh));
    }
    cmd
}

fn localize_arg(arg: clap::Arg, key: &str, zh: bool) -> clap::Arg {
    let mut help = i18n::text(key, &[]);
    let mut arg = arg.long_help(None);
    if zh {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            help.push_str(&tr!("help-possible-values", values = values.join("、")));
            arg = arg.hide_possible_values(true);
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let takes_values = arg.get_action().takes_values();
        if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
            help.push_str(&tr!("help-default", value = defaults.join(",")));
            arg = arg.hide_default_value(true);
        }
        if arg.get_help_heading().is_none() {
            let heading = if arg.is_positional() {
                tr!("help-heading-arguments")
            } else {
                tr!("help-heading-options")
            };
            arg = arg.help_heading(heading);
        }
    }
    arg.help(help)
}

/// Print a command-line error (or the help or version asked for) and return the exit code:
/// 0 for help and version, 2 for a mistake. In Chinese the common mistakes are said in
/// Chinese; the rest keep clap's words.
pub fn report_clap_error(e: clap::Error) -> i32 {
    let code = if e.use_stderr() { 2 } else { 0 };
    if !e.use_stderr() || i18n::lang() == Lang::En {
        let _ = e.print();
        return code;
    }
    match chinese_error(&e) {
        Some(text) => eprint!("{text}"),
        None => {
            let _ = e.print();
        }
    }
    code
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn chinese_error(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => tr!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            "clap-invalid-subcommand",
            name = context(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue).unwrap_or_default();
            if value.is_empty() {
                tr!("clap-missing-value", arg = arg, valid = valid)
            } else {
                tr!(
                    "clap-invalid-value",
                    arg = arg,
                    value = value,
                    valid = valid
                )
            }
        }
        ErrorKind::ValueValidation => {
            let why = e
                .source()
                .map(ToString::to_string)
                .unwrap_or_else(|| value.clone());
            tr!("clap-value-validation", arg = arg, value = value, why = why)
        }
        ErrorKind::MissingRequiredArgument => tr!("clap-missing-required", arg = arg),
        ErrorKind::ArgumentConflict => tr!(
            "clap-conflict",
            arg = arg,
            other = context(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues => tr!("clap-wrong-values", arg = arg),
        ErrorKind::InvalidUtf8 => tr!("clap-invalid-utf8"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            tr!("clap-missing-subcommand")
        }
        _ => return None,
    };
    text.push('\n');
    if let Some(suggested) = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
    {
        text.push_str(&tr!("clap-did-you-mean", suggestion = suggested));
        text.push('\n');
    }
    if let Some(usage) = context(e, ContextKind::Usage) {
        let usage = usage.trim_start_matches("Usage:").trim();
        text.push_str(&tr!("clap-usage", usage = usage));
        text.push('\n');
    }
    text.push_str(&tr!("clap-more-help"));
    text.push('\n');
    Some(text)
}

use std::error::Error as _;

#[cfg(test)]
mod tests {
    use super::*;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_is_read_before_parsing() {
        assert_eq!(
            lang_of_args(&os(&["r", "check", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_of_args(&os(&["r", "--lang=zh", "check"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            lang_of_args(&os(&["r", "check", "--", "--lang", "en"])),
            None
        );
        assert_eq!(lang_of_args(&os(&["r", "check", "--lang", "fr"])), None);
    }

    /// Every command and argument is described in both catalogues.
    #[test]
    fn every_command_and_argument_has_a_description_in_both_languages() {
        let keys = required_keys(&<super::super::Cli as clap::CommandFactory>::command());
        assert!(keys.len() > 40, "{keys:?}");
        let missing: Vec<String> = keys
            .iter()
            .flat_map(|k| {
                [Lang::Zh, Lang::En]
                    .into_iter()
                    .filter(|&l| !i18n::has_key(l, k))
                    .map(move |l| format!("{}: {k}", l.tag()))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "missing descriptions:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn help_is_in_the_language_asked_for() {
        let zh = i18n::with_lang(Lang::Zh, || {
            super::super::command()
                .find_subcommand_mut("check")
                .map(|c| c.render_help().to_string())
                .unwrap_or_default()
        });
        assert!(zh.contains("用法") && zh.contains("选项"), "{zh}");
        assert!(!zh.contains("Usage") && !zh.contains("Options:"), "{zh}");
        let en = i18n::with_lang(Lang::En, || {
            super::super::command()
                .find_subcommand_mut("check")
                .map(|c| c.render_help().to_string())
                .unwrap_or_default()
        });
        assert!(en.contains("Usage") && en.contains("Options"), "{en}");
    }
}
