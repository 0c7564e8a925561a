# English messages of reportlint. Keys are shared with zh-CN.ftl; a test checks that both
# catalogues have the same keys and that each message takes the same arguments in both.
# Fluent syntax: `{ $name }` is an argument; a literal brace is written `{"{"}` or `{"}"}`.

## Command line: help of commands and arguments (cmd-PATH, arg-PATH-ID).

cmd-root = Lint 法治政府建设年度报告 against declarative rule packs
cmd-root-after = Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 the tool could not do its whole job (bad arguments, a broken pack or configuration, an unreadable input).
arg-lang = Language of messages and help: zh (Chinese, the default) or en (English); also REPORTLINT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG)
arg-help = Print help
arg-version = Print version
cmd-help = Print this message or the help of the given subcommand(s)
cmd-check = Check reports against rule packs (the built-in pack unless --no-builtin)
arg-check-paths = Report files and directories to check (`-` reads standard input). Directories are walked honouring .gitignore and the configuration's include/exclude; a file named here is always checked (unless --force-exclude)
arg-check-config = Use this configuration file instead of looking for .reportlint.yaml
arg-check-no_config = Ignore any .reportlint.yaml
arg-check-packs = A rule pack to use in addition to the built-in one (repeatable)
arg-check-no_builtin = Do not use the built-in pack
arg-check-allow_pack_outside = Let the configuration name packs outside its repository (git work tree), and packs `extends` files outside the repository of the pack given
arg-check-only = Only run these rules (`pack/id` or `id`; repeatable)
arg-check-skip = Do not run these rules (`pack/id` or `id`; repeatable)
arg-check-fail_on = Lowest severity that makes the run fail (exit code 1) [default: the configuration's fail_on, else error]
arg-check-baseline = Report only findings that are not in this baseline file
arg-check-write_baseline = Record the current findings in this baseline file (JSON) and exit 0
arg-check-fix = Apply the suggested fixes to .txt/.md files, then report what remains
arg-check-diff = Print the suggested fixes as a unified diff; change no file (exit 1 if there are any)
arg-check-since = Check only files changed since this git revision (and untracked files)
arg-check-files_from = Check only the files listed in FILE, one per line (`-`: standard input)
arg-check-force_exclude = Apply the configuration's include/exclude to files named on the command line too
arg-check-jobs = Number of files checked at once (default: number of cores)
arg-check-format = Output format (xlsx needs --output)
arg-check-output = Write the output to this file instead of standard output
arg-check-annotate = Also write each report as a Word copy with every finding as a comment (批注), under this folder (relative paths kept; .txt/.md/.html reports become .docx). The reports themselves are not changed
arg-check-color = When to use colours in human output
arg-check-plain = Plain narrow human output for CI logs: ASCII drawing, no colour, 80 columns
arg-check-extensions = File extensions to check when walking directories (comma-separated)
arg-check-encoding = Decode text files with this encoding instead of detecting UTF-8 / UTF-16 / GB18030
arg-check-max_file_size = Refuse report files larger than this (and .docx files expanding beyond it): bytes, or with a unit such as 50MB
cmd-inspect = Print what reportlint sees in a report: sections, sentences, quantities
arg-inspect-file = Report file to model
arg-inspect-format = Output format
arg-inspect-sentences = Also list every sentence with its position
arg-inspect-extracted = Also list the extracted text line by line with where each line is in the original
arg-inspect-encoding = Decode text files with this encoding instead of detecting it
arg-inspect-max_file_size = Refuse files larger than this (bytes, or e.g. 50MB)
cmd-rules = List or explain the rules of the loaded packs
cmd-rules-list = One line per rule: id, severity, summary
arg-rules-list-packs = A rule pack to include (repeatable)
arg-rules-list-no_builtin = Leave out the built-in pack
cmd-rules-explain = Everything about one rule: message, help, reference, examples
arg-rules-explain-id = `pack/id`, or just `id` when it is unambiguous
arg-rules-explain-packs = A rule pack to include (repeatable)
arg-rules-explain-no_builtin = Leave out the built-in pack
cmd-rules-help = Print this message or the help of the given subcommand(s)
cmd-test = Run the inline pass/fail examples of rule packs
arg-test-packs = Packs whose inline examples to run (default: the built-in packs)
cmd-convert = Print a pack in the other form (DSL ⇄ YAML)
arg-convert-pack = The pack to convert (`.rules`, `.yaml` or `.yml`)
arg-convert-to = The form to print
cmd-fmt = Format DSL packs canonically
arg-fmt-packs = DSL packs (`.rules`) to format in place
arg-fmt-check = Do not write; exit 1 if a pack is not formatted
cmd-init = Write a starter .reportlint.yaml and an example pack into the current folder
arg-init-dir = The folder to write into (default: the current folder)
cmd-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
arg-completions-shell = The shell to write completions for
cmd-man = Print the man page (roff) on standard output

## Command line: layout of help, and mistakes on the command line.

help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-possible-values = {" "}[possible values: { $values }]
help-default = {" "}[default: { $value }]
clap-unknown-argument = error: unexpected argument '{ $arg }'
clap-invalid-subcommand = error: unrecognized subcommand '{ $name }'
clap-missing-value = error: a value is required for '{ $arg }' but none was supplied (possible values: { $valid })
clap-invalid-value = error: invalid value '{ $value }' for '{ $arg }' (possible values: { $valid })
clap-value-validation = error: invalid value '{ $value }' for '{ $arg }': { $why }
clap-missing-required = error: the following required arguments were not provided: { $arg }
clap-conflict = error: the argument '{ $arg }' cannot be used with '{ $other }'
clap-wrong-values = error: wrong number of values for '{ $arg }'
clap-missing-subcommand = error: a subcommand is required (see --help)
clap-did-you-mean = {"  "}tip: a similar one exists: '{ $suggestion }'
clap-usage = Usage: { $usage }
clap-more-help = For more information, try '--help'.

## Summary lines.

summary-files = { $files ->
    [one] 1 file
   *[other] { $files } files
}
