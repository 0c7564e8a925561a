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

## System errors (files, folders, pipes).

io-not-found = No such file or directory
io-permission-denied = Permission denied
io-already-exists = File exists
io-is-a-directory = Is a directory
io-not-a-directory = Not a directory
io-storage-full = No space left on device
io-read-only-filesystem = Read-only file system
io-invalid-data = invalid data
io-unexpected-eof = unexpected end of file
io-file-too-large = File too large
io-broken-pipe = Broken pipe
io-interrupted = Interrupted
io-other = { $error }
io-with-code = { $what } (os error { $code })

## Reading report files.

src-io = cannot read { $path }: { $error }
src-empty = { $path } is empty: there is nothing to check
src-no-text = { $path } has no text to check (the { $format } holds no paragraphs with text)
src-too-large = { $path } is larger than the limit of { $limit } bytes ({ $size }); raise the limit with --max-file-size
src-binary = { $path } is not a text file (NUL byte at byte offset { $offset }); UTF-16 without a byte-order mark needs --encoding utf-16le or utf-16be
src-undecodable = { $path } is not valid { $tried } (invalid byte sequence at byte offset { $offset }, line { $line })
src-protected = { $path } is a password-protected or old .doc format file (OLE compound document); save it as an unprotected .docx
src-docx = { $path } is not a readable .docx: { $reason }
src-too-deep = { $path } nests HTML elements more than { $limit } deep (line { $line }); the nesting is too deep to parse in reasonable time, and no report page nests like this
src-too-many-elements = { $path } makes the HTML parser build more than { $limit } elements (by line { $line }): formatting elements left open (<b>, <font>…) are reopened in block after block; no report page needs that many
size-not-a-size = `{ $value }` is not a size (write e.g. 50MB or 1048576)
size-unknown-unit = unknown size unit `{ $unit }` (use k, M or G)
size-too-large = `{ $value }` is too large
src-tried-chinese = UTF-8 or GB18030 Chinese text; if you know the encoding, give --encoding
src-tried-utf8 = UTF-8

## Writing files back (--fix, outputs).

write-read-only = it is read-only (no write permission); the file was left unchanged (make it writable to fix it)
write-hard-links = it has { $links } hard links, and writing the fix (a new file put in its place) would split it from its other names; the file was left unchanged (fix it by hand, or break the links first)
write-not-a-file = it is not a regular file; the file was left unchanged
write-owner = cannot give the fixed file the owner and group of the original ({ $uid }:{ $gid }): { $error }; the file was left unchanged
write-io = { $error }; the file was left unchanged
write-is-folder = it is a folder

## Reading Word (.docx) files; a detail from the zip or XML library is kept as it is.

docx-numbering-bomb = the document's text with its automatic numbering comes to more than { $limit } bytes (a numbering bomb or a very large document; raise the limit with --max-file-size)
docx-corrupt-zip = corrupt or truncated zip archive ({ $detail })
docx-no-document = no word/document.xml in the archive (is it a Word document?)
docx-cannot-open-part = cannot open { $part } in the archive ({ $detail })
docx-encrypted = { $part } is encrypted
docx-zip-bomb = the document's parts decompress to more than { $limit } bytes (a zip bomb or a very large document; raise the limit with --max-file-size)
docx-cannot-inflate = corrupt or truncated zip archive: cannot inflate { $part } ({ $detail })
docx-not-utf8 = { $part } is not UTF-8 XML (byte { $offset })
docx-bad-xml = malformed XML in { $part } at byte { $offset }: { $detail }
docx-document-xml = the document XML

## Finding and writing the files of a run.

input-cannot-walk = cannot walk directory: { $error }
input-same-file-as = {" "}(the same file as { $path })
input-would-overwrite = { $option } { $path }{ $same_as } is one of the reports to check and would be overwritten; write to another file, or leave it out of the paths to check
input-same-output = { $a } and { $b } name the same file, { $path }
file-cannot-read = cannot read { $path }: { $error }
annotate-cannot = cannot annotate { $path }: { $error }
annotate-cannot-stdin = cannot annotate standard input: { $error }
file-cannot-create-folder = cannot create the folder { $path }: { $error }
file-cannot-write = cannot write { $path }: { $error }
since-no-repository = --since needs a git repository, and { $path } is not inside one ({ $detail })
since-cannot-list = cannot list the files changed since { $rev }: { $detail }
since-cannot-list-untracked = cannot list untracked files: { $detail }
since-unknown-rev = cannot list the files changed since { $rev }: it names no commit of the repository at { $path }{ $detail }
detail-in-brackets = {" "}({ $detail })
git-cannot-run = cannot run git: { $error }
git-failed = git { $command } failed
git-not-utf8 = git printed a path that is not UTF-8
files-from-stdin = cannot read the list of files from standard input: { $error }
files-from-file = cannot read the list of files { $path }: { $error }
fix-cannot = cannot fix { $path }: { $error }
fix-cannot-write = cannot write the fixed report { $path }: { $error }
fix-unrepresentable = the fixed text has characters that { $encoding } cannot hold ({ $chars }); the file was left unchanged
fix-beyond-gbk = the fixes bring in characters that GBK cannot hold ({ $chars }); the file is GBK (it has no character beyond GBK), and writing them as GB18030 four-byte sequences would make it unreadable as GBK; the file was left unchanged (write them by hand, or save the file as GB18030 or UTF-8 first)
fix-refixed = the fix of { $rule } on line { $line } (“{ $old }” → “{ $new }”) gives text that { $again } fixes again, still after { $passes } passes, so fixing would never settle; the file was left unchanged (correct the rule's suggestion)
fix-too-many-passes = the fixes on line { $line } ({ $rule }) still leave something to fix after { $passes } passes; the file was left unchanged
fix-same-rule = the same rule
fix-other-rule = rule { $rule }
baseline-cannot-read = cannot read baseline { $path }: { $error }
baseline-not-baseline = { $path } is not a reportlint baseline: { $detail } (write one with `reportlint check --write-baseline FILE`)
baseline-version = { $path } is a baseline of version { $version }; this reportlint reads version { $supported }
file-not-regular = it is { $kind }, not a regular file
file-too-large = it is { $size } bytes; files larger than { $limit } bytes are refused
file-larger-than = it is larger than { $limit } bytes, the most accepted
file-not-utf8 = it is not UTF-8 text (binary content is not shown)
file-kind-folder = a folder
file-kind-fifo = a FIFO (named pipe)
file-kind-socket = a socket
file-kind-device = a device
file-kind-special = a special file

## Command output: errors and notes of the commands.

error-line = error: { $message }
warning-line = warning: { $message }
output-cannot-write = cannot write output: { $error }
man-cannot-render = cannot render the man page: { $error }
suppression-unused = { $file }:{ $line }:{ $column }: the suppression of { $rule } for { $path } accepted no finding in the files checked; remove it if the finding is gone
check-no-cwd = cannot tell the current folder: { $error }
check-xlsx-needs-output = --format xlsx writes a binary workbook; name the file to write with --output (e.g. -o review.xlsx)
check-no-rules = no rules to run (every pack failed to load, was empty, or all rules were deselected); a check that checks nothing cannot pass
check-no-files = no report files found in { $paths } (extensions: { $extensions }); nothing was checked
check-no-threads = cannot start worker threads: { $error }
annotate-wrote = wrote { $count ->
        [one] { $count } annotated copy
       *[other] { $count } annotated copies
    } to { $folder }

## Summary lines.

summary-checked = checked { $files ->
        [one] { $files } file
       *[other] { $files } files
    }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] { $infos } info
       *[other] { $infos } infos
    }{ $notes } in { $seconds }s{ $configuration }
summary-failed-files = ; { $count ->
        [one] { $count } file
       *[other] { $count } files
    } could not be checked
summary-suppressed = ; { $count } suppressed
summary-baselined = ; { $count } in the baseline
summary-pack-errors = ; { $count ->
        [one] a rule pack has errors and its rules did not run
       *[other] { $count } rule packs have errors and their rules did not run
    }: the check is incomplete
summary-configuration = {" "}(configuration: { $path })
baseline-cannot-write = cannot write the baseline { $path }: { $error }
baseline-wrote = wrote { $path }: { $count ->
        [one] { $count } finding
       *[other] { $count } findings
    } accepted
fix-fixed = fixed { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
fix-would-fix = would fix { $count ->
        [one] { $count } problem
       *[other] { $count } problems
    } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
fix-overlapping = { $count ->
        [one] { $count } fix overlapped another fix and was checked again after it
       *[other] { $count } fixes overlapped another fix and were checked again after it
    }
fix-not-fixable = { $path }: not fixable: only .txt and .md files are written back; the file was not changed

## Broken packs in a check.

check-packs-broken = { $count ->
        [one] a rule pack has errors (shown below); its rules will not run, so this check is incomplete
       *[other] { $count } rule packs have errors (shown below); their rules will not run, so this check is incomplete
    }

## test, fmt, convert.

fmt-not-dsl = { $path }: `fmt` formats DSL packs (.rules); convert YAML with `reportlint convert`
fmt-not-formatted = { $path }: not formatted
fmt-formatted = { $path }: formatted
test-no-packs = no packs to test
test-pack-header = { $path }: { $rules } rules, { $examples } examples
test-no-examples = { $rule } has no examples
test-should-pass = should pass but got: { $findings }
test-should-fail = should fail but the rule found nothing
test-failed-example = {"  "}FAILED { $rule }: { $what }
    {"    "}example: { $text }
test-summary = { $passed } passed, { $failed } failed
test-summary-with-broken = { $passed } passed, { $failed } failed; { $broken ->
        [one] { $broken } pack has errors and was not tested
       *[other] { $broken } packs have errors and were not tested
    }
test-not-run = no example was run: { $broken ->
        [one] the pack has errors (shown above)
       *[other] { $broken } packs have errors (shown above)
    }

## rules list, rules explain.

rules-no-rule = no rule `{ $id }` (see `reportlint rules list`)
rules-no-rule-did-you-mean = no rule `{ $id }`; did you mean `{ $close }`? (see `reportlint rules list`)
rules-ambiguous = `{ $id }` is ambiguous: { $ids }
explain-title = { $id } ({ $severity }, kind `{ $kind }`)
explain-message = message:{"   "}
explain-help = help:{"      "}
explain-reference = reference:{" "}
explain-tags = tags:{"      "}
explain-passes = passes
explain-fails = fails
explain-dsl = rule in the DSL:

## init.

init-wrote = wrote { $path }
init-next = next: edit { $config }, then run `reportlint check`
init-exists = { $count ->
        [one] { $paths } already exists; nothing was written (remove or rename it first)
       *[other] { $paths } already exist; nothing was written (remove or rename them first)
    }
init-and = {" "}and{" "}
file-cannot-create = cannot create { $path }: { $error }

## Rules that could not be evaluated on a report (warnings in the findings).

eval-rule-error = rule could not be evaluated here: { $error }
eval-rule-error-help = this is a problem with the rule or with the figures it read, not a verdict on the report; check the figures by hand
regex-time-limit = searching took longer than { $limit }, the time limit of one regex on one report
regex-gave-up = the regex gave up on this text: { $reason }
eval-missing = `{ $name }` has no value here
eval-division-by-zero = division by zero: the divisor is 0 in this match
eval-not-finite = the result is too large to compute
eval-type-mismatch = expected { $expected }, found { $found }
eval-arity = { $func }() needs { $expected }
eval-empty-list = { $func }() of an empty list has no value
eval-invalid-date = { $year }-{ $month }-{ $day } is not a calendar date
value-percentage = a percentage
value-number = a number
value-list = a list
value-date = a date
value-text = a text
value-truth = a truth value
value-condition = a condition (true or false)
value-numbers = a list of numbers
value-one-name = one name
value-one-number = one number
value-ymd = three numbers: year, month, day
value-one-date = one date
value-repeated = a repeated capture or some numbers
value-compare = two values of one kind to compare, not { $kind }

## Human-readable text in the output formats (keys and fields stay English).

human-more-not-shown = { $path }: { $rule }: { $count } more findings not shown (see --format json for all)
github-file-not-checked = reportlint: file not checked
github-pack-not-loaded = reportlint: rule pack not loaded
sarif-pack-not-loaded = rule pack not loaded, its rules did not run: { $error }
