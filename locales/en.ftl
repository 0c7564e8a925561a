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
arg-check-timings = Print to standard error the time each rule took, summed over files and threads, slowest first, with reading, the document model and the statement analyser as rows of their own; --timings=N prints only the N slowest rows
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
cmd-serve = Serve a page (and a JSON API) that checks uploaded reports, on this machine
arg-serve-port = Port to listen on [default: a free one, printed at start]
arg-serve-host = Address to listen on. The default serves this machine only; 0.0.0.0 serves the network (every machine that can reach this one may upload reports)
arg-serve-allow_hosts = A host name (besides the address listened on) under which the page may be opened, e.g. the office machine's name (repeatable)
arg-serve-open = Open the page in the default browser
arg-serve-config = Use this configuration file instead of looking for .reportlint.yaml
arg-serve-no_config = Ignore any .reportlint.yaml
arg-serve-packs = A rule pack to use in addition to the built-in one (repeatable)
arg-serve-no_builtin = Do not use the built-in pack
arg-serve-allow_pack_outside = Let the configuration name packs outside its repository (git work tree)
arg-serve-only = Only run these rules (`pack/id` or `id`; repeatable)
arg-serve-skip = Do not run these rules (`pack/id` or `id`; repeatable)
arg-serve-encoding = Decode text files with this encoding instead of detecting UTF-8 / UTF-16 / GB18030
arg-serve-max_file_size = Refuse report files larger than this (and .docx files expanding beyond it)
arg-serve-max_request_size = Refuse requests larger than this (all files of one upload together)
arg-serve-max_files = Refuse requests with more report files than this
arg-serve-timeout = Stop a request that takes longer than this many seconds (upload included)
arg-serve-jobs = Number of files checked at once (default: number of cores)
cmd-init = Write a starter .reportlint.yaml and an example pack into the current folder
arg-init-dir = The folder to write into (default: the current folder)
cmd-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
arg-completions-shell = The shell to write completions for
cmd-man = Print the man page (roff) on standard output
cmd-schema = Print the JSON Schema of YAML packs, for editors that complete and check them

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
clap-invalid-utf8 = error: an argument is not valid UTF-8 text
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
man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-extra = EXTRA
man-section-version = VERSION
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
    }{ $notes } in { $seconds }s{ $configuration }{ $packs }
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
explain-passes = passes:
explain-fails = fails:
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

## Rule packs: syntax errors of the DSL.

syntax-expected-found = expected { $expected }, found { $found }
syntax-unexpected-unexpected = unexpected { $unexpected }
syntax-unexpected-found = unexpected { $found }
syntax-did-you-mean-keyword = did you mean `{ $keyword }`?
syntax-pack-nested-too-deeply = the pack is nested too deeply to be read
syntax-nested-too-deeply-here = nested too deeply here
syntax-flatten-nesting-fewer-brackets = flatten the nesting: fewer brackets inside brackets
syntax-expected-only-here = expected { $only } here
syntax-error = syntax error
syntax-file-ends-after-this = the file ends after this
syntax-unexpected-here = unexpected here
syntax-a-rule-line = a rule line (`message`, `require`, `forbid`, …)
syntax-a-pack-line = `rule` or a pack line (`pack`, `version`, `extends`, …)
syntax-or = { $rest } or { $last }
list-comma = ,{" "}
syntax-end-of-file = the end of the file
syntax-end-of-line = the end of the line
syntax-a-string = a string
syntax-phrase-1 = a space
syntax-phrase-2 = a comment
syntax-phrase-3 = a rule pack
syntax-phrase-4 = `rule` or a pack line
syntax-phrase-5 = a rule line
syntax-phrase-6 = text to look for
syntax-phrase-7 = a value
syntax-phrase-8 = an operator
syntax-phrase-9 = a letter or digit
syntax-phrase-10 = a rule id
syntax-phrase-11 = `pass` or `fail`
syntax-phrase-12 = a section (`"name" = …`)
syntax-phrase-13 = `{"{"}` with a list of terms
syntax-phrase-14 = a term (`"wrong" -> "right"`)
syntax-phrase-15 = text to look for (a string, `/regex/`, `pattern`, `any(`, `all(` or `none(`)
syntax-phrase-16 = an expression
syntax-phrase-17 = a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`)
syntax-phrase-18 = a tolerance (e.g. `1%`)
syntax-phrase-19 = a percentage
syntax-phrase-20 = a number
syntax-phrase-21 = a document fact
syntax-phrase-22 = a function call
syntax-phrase-23 = a name
syntax-phrase-24 = a keyword
syntax-phrase-25 = a word
syntax-phrase-26 = string text
syntax-phrase-27 = an escape
syntax-phrase-28 = a regex `/…/`
syntax-phrase-29 = regex text

## Rule packs: validation, loading, extends; the configuration.

val-pack-has-no-rules = pack `{ $pack }` has no rules
val-pack-checks-nothing = this pack checks nothing
val-add-at-least-one = add at least one rule, or remove the pack
val-empty-text-look-for = empty text to look for
val-empty-text-found-everywhere = empty text is found everywhere
val-id-not-valid-rule = `{ $id }` is not a valid rule id
val-invalid-rule-id = invalid rule id
val-rule-ids-use-lowercase = rule ids use lowercase letters, digits and `-`, starting with a letter or digit, e.g. `success-rate`
val-duplicate-rule-id = duplicate rule id `{ $id }`
val-already-used-by-earlier = already used by an earlier rule
val-rule-ids-must-unique = rule ids must be unique within a pack: findings are reported as `pack/id`
val-did-you-mean-near = did you mean `{ $near }`?{" "}
val-available-here-order = available here: { $order }
val-on-ty-capture-not = `{ $on }` is a { $ty } capture, not a number
val-consistency-checked-on-numeric = consistency is checked on a numeric capture
val-capture-quantity-with-count = capture the quantity with `count`, `amount`, `number`, `percent` or `year`
val-on-not-capture-pattern = `{ $on }` is not a capture of this pattern
val-unknown-capture = unknown capture
val-pair-not-two-characters = `{ $pair }` is not a pair of two characters
val-write-opening-closing-character = write the opening and the closing character, e.g. `《》`
val-no-half-width-characters = no half-width characters listed
val-list-characters-flag-e = list the characters to flag, e.g. `,.;:?!()`
val-suggestion-holds-what-own = this suggestion holds what its own rule forbids
val-fix-would-put-forbidden = `--fix` would put the forbidden text back every time it runs; suggest text the rule does not flag, or excuse the suggested wording with `unless`
val-replacement-itself-forbidden-by = “{ $replacement }” is itself forbidden by this rule
val-replacement-holds-found-which = “{ $replacement }” holds “{ $found }”, which this rule forbids
val-subject-matched-with-text = a subject is matched with text, not a pattern
val-pattern-with-captures = a pattern with captures
val-write-words-subject-as = write the words of the subject as text or `/regex/`, e.g. `subject /成功|办结/`
val-unknown-statement-kind-arg = unknown statement kind `{ $kind }`
val-not-kind-statement = not a kind of statement
val-did-you-mean-near-2 = did you mean `{ $near }`? The kinds are: { $all }
val-kinds-are-all = the kinds are: { $all }
val-minimum-count-always-met = a minimum count of 0 is always met
val-at-least = at least 1
val-binding-already-defined = `{ $binding }` is already defined
val-capture-earlier-let-has = a capture or an earlier `let` has this name
val-give-computed-value-own = give the computed value its own name
val-expected-want-found = expected { $want }, found { $found }
val-found = this is { $found }
val-unknown-name = unknown name `{ $name }`
val-not-capture-rule-s = not a capture of this rule's pattern or an earlier `let`
val-document-facts-are-written = document facts are written in full: { $facts }
val-unknown-document-fact-name = unknown document fact `{ $name }`
val-not-document-fact = not a document fact
val-document-facts-are-arg = the document facts are: { $facts }
val-cannot-compare-l-with = cannot compare { $l } with { $r }
val-l-on-left-r = { $l } on the left, { $r } on the right
val-l-cannot-compared-way = { $l } cannot be compared this way
val-only-numbers-dates-are = only numbers and dates are ordered; texts compare with `==` / `!=`
val-compare-sum-x-count = compare `sum(x)` or `count(x)` to use a repeated capture
val-func-needs-repeated-capture = { $func }() needs a repeated capture, found { $ty }
val-ty = this is { $ty }
val-capture-list-with-parts = capture the list with `{"{"}parts:counts{"}"}` or `{"{"}parts:counts(人){"}"}`
val-exists-takes-name-fact = exists() takes a name or a fact
val-not-name = not a name
val-year-capture-already-number = a `year` capture is already a number; compare it directly
val-unmatched-message = unmatched `{"}"}` in message
val-no-opens = no `{"{"}` opens this
val-write-for-literal = write `{"}"}{"}"}` for a literal `{"}"}`
val-unclosed-message = unclosed `{"{"}` in message
val-has-no-matching = this `{"{"}` has no matching `{"}"}`
val-write-for-literal-2 = write `{"{"}{"{"}` for a literal `{"{"}`
val-unknown-name-message = unknown name `{ $name }` in message
val-nothing-by-name = nothing by this name
val-unknown-format-spec = unknown format `{ $spec }`
val-not-format = not a format
val-formats-percentage-decimals-n = formats: `%` (percentage, 2 decimals), `.N` (N decimals), `.N%`
val-func-needs-found-ty = { $func }() needs { $needs }, found { $ty }
val-ty-2 = this is { $ty }
val-no-table-file-named = no table file named
val-empty-file-name = empty file name
val-name-table-beside-pack = name the table beside the pack, e.g. `terms.csv`
val-file-not-term-table = `{ $file }` is not a term table (.csv, .yaml or .yml)
val-unknown-table-form = unknown table form
val-keep-terms-csv-file = keep the terms in a `.csv` file (header `错误写法,正确写法,例外`) or a `.yaml` list
val-allowed-holds-no-doubled = `{ $allowed }` holds no doubled character
val-nothing-allow = nothing to allow
val-list-sequences-with-character = list sequences with a character written twice that are right, e.g. "层层" or "学习习近平"
val-message-empty = the message is empty
val-say-what-wrong-report = say what is wrong in the report
val-no-captures-or-lets = this rule has no captures or `let`s
val-names-also = { $near }{ $available }; also { $also }
val-func-takes = { $func }() takes { $expected }
val-arguments-given = { $given } given
val-takes-list-or-numbers = a repeated capture or several numbers
val-takes-one-list = one repeated capture
val-takes-one-number = one number
val-takes-one-name-or-fact = one name or fact
val-takes-three-numbers = three numbers: year, month, day
val-takes-one-date = one date
val-needs-repeated-capture = a repeated capture
val-needs-date = a date
val-replacement-holds-whole-match = the replacement holds the whole match, which this regex matches again
load-pack-has-no-rules = pack `{ $pack }` has no rules once `disable` is applied
load-pack-checks-nothing = this pack checks nothing
load-keep-at-least-one = keep at least one rule of the extended packs, or add a rule of its own
load-unknown-built-pack-entry = unknown built-in pack `{ $entry }`
load-no-such-built-pack = no such built-in pack
load-extends-cycle-pack-already = `extends` cycle: this pack is already being loaded
load-closes-cycle = closes the cycle
load-packs-extend-each-other = the packs extend each other: { $chain }
load-extends-reaches-outside-repository = `extends` reaches outside the repository: { $p }
load-outside-repository = outside the repository
load-pack-may-only-extend = a pack may only extend files inside { $boundary } (the git work tree of the pack being checked, or its folder); copy the pack you need into it
load-extended-pack-not-found = extended pack not found: { $p }
load-no-such-file = no such file
load-rule-full-also-defined = rule `{ $full }` is also defined by an extended pack
load-defined-again-here = defined again here
load-give-rule-another-id = give the rule another id, or `disable "{ $full }"` and define it here
load-built-pack-cannot-read = a built-in pack cannot read a term table
load-built-packs-hold-their = built-in packs hold their terms inline
load-term-table-outside-repository = the term table is outside the repository: { $path }
load-outside-repository-2 = outside the repository
load-pack-may-only-read = a pack may only read tables inside { $boundary } (the git work tree of the pack being checked, or its folder); copy the table into it
load-term-table-not-found = term table not found: { $path }
load-no-such-file-2 = no such file
load-cannot-read-term-table = cannot read the term table { $path }: { $problem }
load-unreadable-table = unreadable table
load-term-table-utf-text = a term table is a UTF-8 text file (in a spreadsheet: save as “CSV UTF-8”)
load-path-does-not-look = { $path } does not look like a term table ({ $wanted }); its content is not shown
load-not-term-table = not a term table
load-rule-comes-from-two = rule `{ $rule }` comes from two extended packs and differs between them
load-second-definition-rule-comes = second definition of the rule comes from here
load-two-packs-share-name = two packs share a name, or two extended packs disable or override the same base differently
load-no-rule-id-extended = no rule `{ $id }` in the extended packs
load-unknown-rule = unknown rule
load-rule-ids-are-written = rule ids are written `pack/id`: did you mean `{ $near }`?
load-built-packs-names = built-in packs: { $names }
config-unknown-fail-level-s = unknown fail level `{ $s }`: use error, warning, info or never
config-name-must-on-one = `{ $name }` must be a name on one line
config-configuration-must-map-settings = the configuration must be a map of settings, found { $other }
config-unknown-setting-name = unknown setting `{ $name }`
config-cannot-read = cannot read configuration { $path }: { $message }
packs-no-loaded-rule = no loaded pack has a rule `{ $rule }`
packs-unknown-rule = unknown rule
packs-rule-ids-help = `reportlint rules list` shows the rule ids; write `pack/id` or just `id`
config-not-setting-here = not a setting here
config-did-you-mean-k = did you mean `{ $k }`?
config-known-settings-here = known settings here: { $known }
config-name-set-twice = `{ $name }` is set twice
config-expected-text-found-other = expected text, found { $other }
config-expected-true-false-found = expected true or false, found { $other }
config-expected-list-texts-found = expected a list of texts, found { $other }
config-invalid-glob-e = invalid glob: { $e }
config-matches-within-one-folder = `*` matches within one folder, `**` across folders, `?` one character, `{"{"}a,b{"}"}` either
config-expected-map-rule-ids = expected a map of rule ids to severities (`rule-id: info`), found { $node }
config-unknown-severity-level = unknown severity `{ $level }`
config-use-error-warning-info = use error, warning or info
config-expected-list-what-found = expected a list of { $what }, found { $other }
config-override-map-with-paths = an override is a map with `paths` and `disable` or `severity`, found { $item }
config-override-has-no-paths = this override has no `paths`
config-say-which-files-for = say which files it is for: `paths: [部门/**]`
config-suppression-map-with-rule = a suppression is a map with `rule`, `path`, `reason` and optionally `text`, found { $item }
config-invalid-glob-e-2 = invalid glob: { $e }
config-reason-suppression-must-not = the reason of a suppression must not be empty
config-say-why-finding-accepted = say why this finding is accepted, for whoever reviews the report next
config-suppression-has-no-reason = this suppression has no `reason`
config-suppression-without-reason = suppression without a reason
config-finding-accepted-only-with = a finding is accepted only with a reason: add `reason: …` saying why
config-suppression-has-no-rule = this suppression has no `rule`
config-suppression-has-no-path = this suppression has no `path`
config-name-file-glob-relative = name the file (a glob relative to the configuration: `reports/2024/*.txt`)

## Rule packs: reading pack files.

load-cannot-read-pack = cannot read rule pack { $path }: { $message }
load-unknown-form = { $path }: unknown rule pack form (use .rules for the DSL, .yaml or .yml for YAML)
load-unknown-builtin = unknown built-in pack `{ $name }`
load-not-a-pack = { $path } does not look like a rule pack, and it does not load; its content is not shown
load-not-a-pack-help = a `.rules` pack starts with a line such as `pack "name"`, `rule` or `extends` (after blank lines and comments), a YAML pack with a key such as `pack:` or `rules:`; check that the path names a rule pack
load-outside = rule pack { $path } is outside the repository { $boundary }
load-outside-help = packs named by the configuration must be inside its repository (the git work tree holding it, or its folder); copy the pack into it, or pass --allow-pack-outside if you trust it
load-table-csv-header = its first row is not the header `错误写法,正确写法,例外`
load-table-csv-header-help = start the table with the header row `错误写法,正确写法,例外` (the third column may be left out), then one term a row
load-table-yaml-list = it is not a list of terms
load-table-yaml-list-help = write the table as a list of `- {"{"}phrase: 错误写法, suggest: 正确写法{"}"}`
load-no-builtin = no built-in packs are available
ty-number = a number
ty-list = a list (a `counts` capture)
ty-date = a date
ty-text = a text
ty-condition = a condition
ty-regex-group = a regex group

## Rule packs: DSL and YAML reading, patterns, regexes, term lists.

build-pack-could-not-read = the pack could not be read
build-keyword-given-twice = `{ $keyword }` is given twice
build-keep-one-keyword-line = keep one `{ $keyword }` line
build-pack-has-no-name = the pack has no name
build-pack-starts-here = the pack starts here
build-start-file-with-line = start the file with a line `pack "name"`
build-pack-name-empty = the pack name is empty
build-unknown-severity-word = unknown severity `{ $word }`
build-not-severity = not a severity
build-severity-error-warning-info = a severity is `error`, `warning` or `info`
build-rule-id-has-no = rule `{ $id }` has no message
build-rule-needs-message-line = this rule needs a `message` line
build-add-message-saying-what = add `message "…"` saying what is wrong in the report
build-rule-checks-one-thing = a rule checks one thing, but this one already has `{ $dsl_keyword }`
build-second-check = second check
build-first-check-on-line = the first check is on line { $line }; split them into two rules
build-match-rule-needs-assert = a `match` rule needs an `assert`
build-nothing-checked-for-these = nothing is checked for these matches
build-add-assert-over-captured = add `assert …` over the captured values, e.g. `assert part <= total`
build-keyword-does-not-go = `{ $keyword }` does not go with `{ $check }`
build-not-part-check = not part of this check
build-let-assert-work-on = `let` and `assert` work on the captures of `match` and the figures of `match statement`, or stand alone over document facts
build-let-without-assert = `let` without an `assert`
build-add-assert-that-uses = add `assert …` that uses the value
build-rule-id-checks-nothing = rule `{ $id }` checks nothing
build-rule-has-no-check = this rule has no check
build-add-one = add one of { $limit }
build-list-or = { $rest } or { $last }
build-bad-count-number = bad count `{ $number }`
build-not-whole-number-from = not a whole number from 1 up
build-at-least-n-takes = `at least N` takes a whole number such as 2
build-unknown-heading-check-other = unknown heading check `{ $other }`
build-not-heading-check = not a heading check
build-write-headings-continuous-level = write `headings continuous` or `headings level-order`
build-no-terms = no terms
build-term-list-empty = the term list is empty
build-terms-without-list = `terms` without a list or a table
build-write-terms-name-table = write `terms {"{"} "法制政府" -> "法治政府" {"}"}`, or name a table: `terms file "terms.csv"`
build-unknown-digits-check-word = unknown digits check `{ $word }`
build-not-digits-check = not a digits check
build-write-digits-mixed-full = write `digits mixed` (full-width digits inside a half-width figure) or `digits fullwidth` (figures in full-width digits)
build-unterminated-string = unterminated string
build-string-has-no-closing = this string has no closing `"`
build-close-string-on-same = close the string on the same line; for text over several lines (examples) use """…"""
build-unknown-fact = unknown fact `{ $fact }`
build-not-document-fact = not a document fact
build-document-facts-are-arg = the document facts are { $facts }
build-bad-number-pair = bad number `{ $pair }`
build-too-long-number = too long to be a number
build-write-number-with-at = write a number with at most 255 decimals, e.g. 0.5
build-unknown-function-arg = unknown function `{ $name }`
build-not-function = not a function
build-functions-are-known = the functions are { $known }
build-func-takes-wanted-not = `{ $func }` takes { $wanted }, not { $args }
build-wrong-number-arguments = wrong number of arguments
build-wants-date-parts = 3 arguments (year, month, day)
build-wants-at-least-one = at least 1 argument
build-wants-one = 1 argument
build-second-keyword = second `{ $keyword }`
depth-brackets-are-nested-more = brackets are nested more than { $limit } deep
depth-nested-too-deeply-here = nested too deeply here
depth-any-all-none-lists = `any`/`all`/`none` lists, function calls and parentheses may nest { $limit } deep; flatten the lists, or name parts of an expression with `let`
depth-expression-nested-more-than = this expression is nested more than { $limit } levels deep
depth-too-deep-from-here = too deep from here
depth-expression-may-apply-operators = an expression may apply operators { $limit } levels deep (`a + b + c` is two); name parts of it with `let` and combine the names
dsl-pack-could-not-read = the pack could not be read
dsl-pack-file-src-bytes = the pack file is { $src } bytes; files larger than { $limit } bytes are refused
dsl-empty-parse-pack = empty parse of the pack
dsl-empty-expression = empty expression
dsl-keyword-colon-help = a keyword takes its value after a space, without a colon: `message "…"`
dsl-full-width-quotes-help = write a string between half-width quotes: "…"; “…” may stand inside it
dsl-rule-not-closed = rule `{ $id }` is not closed
dsl-rule-not-closed-label = this `{"{"}` has no matching `{"}"}`
dsl-rule-not-closed-help = add `{"}"}` at the end of rule `{ $id }`, before what follows it
dsl-next-rule-starts-here = the next rule starts here
dsl-file-ends-here = the file ends here
str-string-cannot-end-with = a string cannot end with a lone `\`
str-write-for-backslash = write `\\` for a backslash
str-bad-unicode-escape = bad unicode escape
str-not-character-code = not a character code
str-write-u-hexadecimal-code = write `\u{"{"}` hexadecimal code `{"}"}`, e.g. `\u{"{"}3000{"}"}`
str-unknown-escape-other = unknown escape `\{ $other }`
str-unknown-escape = unknown escape
str-strings-know-t-u = strings know `\"`, `\\`, `\n`, `\t` and `\u{"{"}…{"}"}`; write `\\` for a backslash
ymod-pack-could-not-read = the pack could not be read
yaml-pack-file-empty = the pack file is empty
yaml-pack-starts-with-name = a pack starts with `pack: NAME` and lists its checks under `rules:`
yaml-pack-has-no-name = the pack has no name
yaml-pack-expected-map = `pack:` expected in this map
yaml-start-file-with-pack = start the file with `pack: NAME`
yaml-rule-has-no-id = a rule has no `id`
yaml-rule = this rule
yaml-give-every-rule-stable = give every rule a stable id such as `id: three-systems`
yaml-rule-id-has-no = rule `{ $id }` has no `message`
yaml-rule-2 = this rule
yaml-add-message-with-text = add `message:` with the text a finding shows
yaml-who-does-not-say = { $who } does not say what to check
yaml-rule-3 = this rule
yaml-add-one = add one of: { $limit }
yaml-kind-with-companion = `{ $kind }` (with its `{ $companion }`)
yaml-rule-cannot-both-with = a rule cannot both be { $with } and `{ $name }`
yaml-second-kind-check = second kind of check
yaml-rule-checks-one-thing = a rule checks one thing; split it into two rules
yaml-name-does-not-apply = `{ $name }` does not apply to a `{ $kind }` rule
yaml-not-used-by-kind = not used by this kind of rule
yaml-consistent-rule-needs-on = a `consistent` rule needs `on:`, the capture that must agree
yaml-which-capture = which capture?
yaml-e-g-on-n = e.g. `on: n` for the pattern `{"{"}n:count{"}"}名干部取得行政执法证`
yaml-when-rule-needs-require = a `when` rule needs `require:`, what must hold when the condition is met
yaml-then-what = then what?
yaml-sections-has-no-list = `sections` has no `list:` of sections
yaml-sections-expected-here = sections expected here
yaml-sections-list-example = e.g. `list: [{"{"}name: 主要举措和成效, heading: 主要举措{"}"}]`
yaml-section-has-no-name = a section has no `name`
yaml-section = this section
yaml-name-how-findings-call = `name` is how findings call the section
yaml-unknown-heading-check-other = unknown heading check `{ $other }`
yaml-expected-continuous-level-order = expected `continuous` or `level-order`
yaml-term-list-empty = the term list is empty
yaml-no-terms = no terms
yaml-list-entries-such-as = list entries such as `- {"{"}phrase: 法制政府, suggest: 法治政府{"}"}`, or name a table with `file: terms.csv`
yaml-term-has-no-key = a term has no `{ $key }`
yaml-term = this term
yaml-write-each-term-as = write each term as `{"{"}phrase: 错误写法, suggest: 正确写法{"}"}`
yaml-unknown-digits-check-aspect = unknown digits check `{ $aspect }`
yaml-expected-mixed-fullwidth = expected `mixed` or `fullwidth`
yaml-scope-names-one-section = a scope names one section, one heading or one section body
yaml-unknown-scope-other = unknown scope `{ $other }`
yaml-not-scope = not a scope
yaml-nothing-look-for = nothing to look for
yaml-full-width-comma-help = separate the items of `[…]` with a half-width comma; to look for text with “，” in it, put that item in quotes
yaml-matcher-missing-here = a matcher is missing here
yaml-write-text-regex-pattern = write the text, or `{"{"}regex: …{"}"}`, `{"{"}pattern: …{"}"}`, `{"{"}any: […]{"}"}`
yaml-list-alone-ambiguous-here = a list alone is ambiguous here
yaml-one-these-all-them = one of these, or all of them?
yaml-write-any-at-least = write `any: [...]` (at least one) or `all: [...]` (every one)
yaml-matcher-has-exactly-one = a matcher has exactly one key
yaml-second-key = second key
yaml-combine-matchers-with-all = combine matchers with `all: [...]` or `any: [...]`
yaml-combinator-has-no-matchers = `{ $combinator }` has no matchers
yaml-empty-list = empty list
yaml-unknown-severity-text = unknown severity `{ $text }`
yaml-expected-error-warning-info = expected error, warning or info
yaml-what-must-whole-number = { $what } must be a whole number of at least 1
yaml-found-node = found { $node }
yaml-what-must-expected = { $what } must be { $expected }
yaml-found-node-2 = found { $node }
yaml-keys-what-are-words = keys of { $what } are words
yaml-found-key = found { $key }
yaml-unknown-key-name-what = unknown key `{ $name }` in { $what }
yaml-unknown-key = unknown key
yaml-allowed-here = allowed here: { $allowed }
yaml-name-written-twice = `{ $name }` is written twice
yaml-second-time = second time
yaml-did-you-mean-candidate = did you mean `{ $candidate }`?
pattern-what-too-big-compiled = this { $what } is too big: compiled, it would take more than { $limit } MB
pattern-what-too-big = { $what } too big
pattern-large-counted-repetitions-multiply = large counted repetitions (`{"{"}1000{"}"}`) multiply its size; write a shorter one or split it into several rules
pattern-counts-capture-must-end = a `counts` capture must end the pattern or be followed by literal text
pattern-where-should-these-counts = where should these counts stop?
pattern-write-text-that-follows = write the text that follows the list, e.g. `{"{"}parts:counts(人){"}"}。`, or end the pattern here
pattern-pattern-does-not-compile = this pattern does not compile: { $err }
pattern-label = pattern
pattern-pattern-matches-empty-text = this pattern matches empty text
pattern-everything-here-optional = everything here is optional
pattern-pattern-needs-literal-text = a pattern needs literal text or a capture that is not optional
pattern-unclosed-pattern = unclosed `{"{"}` in pattern
pattern-has-no-matching = this `{"{"}` has no matching `{"}"}`
pattern-close-placeholder-with-write = close the placeholder with `{"}"}`, or write `{"{"}{"{"}` for a literal `{"{"}`
pattern-unmatched-pattern = unmatched `{"}"}` in pattern
pattern-no-opens = no `{"{"}` opens this
pattern-write-for-literal = write `{"}"}{"}"}` for a literal `{"}"}`
pattern-pattern-stays-inside-one = a pattern stays inside one sentence
pattern-sentence-end-middle-pattern = sentence end in the middle of the pattern
pattern-sentence-end-may-only = a sentence end may only be the last character of a pattern; write one rule per sentence
pattern-empty-placeholder-pattern = empty placeholder in pattern
pattern-nothing-between-braces = nothing between the braces
pattern-write-for-gap-name = write `{"{"}…{"}"}` for a gap, `{"{"}name:type{"}"}` for a capture, `{"{"}a|b{"}"}` for alternatives
pattern-capture-without-name = capture without a name
pattern-name-missing-before = name missing before `:`
pattern-name-capture-e-g = name the capture, e.g. `{"{"}total:count{"}"}`, so assertions can use it
pattern-name-not-capture = `{ $name }` is not a capture name
pattern-letters-digits-only-not = letters, digits and `_` only, not starting with a digit
pattern-use-short-ascii-name = use a short ASCII name such as `total`, `ok`, `rate`
pattern-unknown-capture-type-written = unknown capture type `{ $written_type }`
pattern-not-capture-type = not a capture type
pattern-capture-types-are-ype = the capture types are: { $ype }
pattern-did-you-mean-capture-type = did you mean `{ $closest }`? The capture types are: { $ype }
pattern-not-a-placeholder = `{"{"}{ $body }{"}"}` is not a placeholder
pattern-capture-needs-colon = a capture needs `:` between its name and its type
pattern-did-you-mean-placeholder = did you mean `{"{"}{ $name }:{ $written_type }{"}"}`?
pattern-full-width-char = full-width character “{ $full }” where a half-width “{ $half }” is expected
pattern-full-width-label = full-width “{ $full }”
pattern-full-width-help = switch the keyboard to half-width (English) input and type “{ $half }”
pattern-capture-name-defined-twice = capture `{ $name }` is defined twice
pattern-second-capture-with-name = second capture with this name
pattern-give-each-capture-pattern = give each capture of a pattern its own name
pattern-capture-trimmed-has-no = capture `{ $trimmed }` has no type
pattern-type-missing = type missing
pattern-write-trimmed-count-another = write `{"{"}{ $trimmed }:count{"}"}` (or another type: { $ype }); for literal alternatives write `{"{"}a|b{"}"}`
pattern-empty-alternative-pattern = empty alternative in pattern
pattern-alternative-here-empty = an alternative here is empty
pattern-make-alternatives-optional-write = to make the alternatives optional, write `?` after the braces: `{"{"}达|为{"}"}?`
pattern-pattern-stays-inside-one-2 = a pattern stays inside one sentence
pattern-alternative-contains-sentence-end = an alternative contains a sentence end
pattern-invalid-regex-err = invalid regex: { $err }
pattern-regex = this regex
pattern-invalid-regex-message = invalid regex: { $message }
terms-empty-phrase-term-list = empty phrase in the term list
terms-empty-phrase = empty phrase
terms-write-wrong-phrase-look = write the wrong phrase to look for
terms-no-replacement-for-phrase = no replacement for `{ $phrase }`
terms-empty-replacement = empty replacement
terms-write-right-form-forbid = write the right form; to forbid a phrase without a replacement use a `forbid` rule
terms-replacement-phrase-itself = the replacement of `{ $phrase }` is the phrase itself
terms-same-as-phrase = same as the phrase
terms-write-right-form-which = write the right form, which differs from the wrong one
terms-empty-exception = empty exception
terms-empty-unless-text = empty `unless` text
terms-write-text-around-phrase = write the text around the phrase that makes it right, or remove the exception
terms-phrase-listed-twice = the phrase `{ $phrase }` is listed twice
terms-listed-again-here = listed again here
terms-keep-one-entry-per = keep one entry per phrase
terms-replacement-entry-holds-other = the replacement `{ $entry }` holds `{ $other }`, a phrase of the list
terms-would-flagged-again-after = would be flagged again after the fix
terms-correct-replacement-give-other = correct the replacement, or give the other entry an `unless` that covers it
terms-term-table-empty = the term table is empty
terms-no-header-row = no header row
terms-start-table-with-header = start the table with the header row `错误写法,正确写法,例外`, then one term a row
terms-first-row-term-table = the first row of a term table must be its header
terms-not-header = not the header `错误写法,正确写法,例外`
terms-start-table-with-row = start the table with the row `错误写法,正确写法,例外` (the third column may be left out)
terms-term-row-has-cells = a term row has { $cells } column(s), not 2 or 3
terms-row = this row
terms-unclosed-quote-term-table = unclosed quote in the term table
terms-quote-not-closed = this quote is not closed
terms-close-quoted-field-with = close the quoted field with `"`; a quote inside it is written `""`
terms-text-after-closing-quote = text after a closing quote in the term table
terms-expected-end-row = expected `,` or the end of the row
terms-quote-whole-field-writing = quote the whole field, writing a quote inside it as `""`
ynode-document-file-src-bytes = the { $document } file is { $src } bytes; files larger than { $limit } bytes are refused
ynode-document-exceeds-safety-limit = the { $document } exceeds a safety limit: { $what }
ynode-limit-reached-here = limit reached here
ynode-invalid-yaml-message = invalid YAML: { $message }
ynode-invalid-yaml-plain = invalid YAML: { $plain }
ynode-cause-and-parser = { $cause } (YAML parser: { $message })
ynode-plain-colon-in-value = a `: ` (colon and space) where no new key can start
ynode-cause-colon-in-value = most often the value itself contains `: `: put the whole value in quotes, e.g. `message: "办结率: 90%"`; or this line is indented deeper than the key above it
ynode-plain-indentation = this line is not indented like the lines above it
ynode-cause-indentation = the keys of one map start in the same column, and so do the `-` of the items of one list; indent with spaces (two per level), never with tabs
ynode-plain-key-without-colon = a key without its `:` and a space
ynode-cause-key-without-colon = write a space after the colon (`message: …`); a text over several lines goes in quotes or after `|`
ynode-plain-quote-not-closed = a quote is not closed
ynode-cause-quote-not-closed = close the quote on the same line (`message: "…"`), or write a long text after `|` on lines of its own
ynode-plain-cannot-start-value = this character cannot start a YAML value
ynode-cause-cannot-start-value = put the value in quotes: `message: "…"`
ynode-plain-list-item-here = a list item `- ` where no list can start
ynode-cause-list-item-here = start the list on the line after its key, indented under it
ynode-tab-in-indentation = invalid YAML: a tab in the indentation
ynode-tab-label = a tab (shown as spaces)
ynode-tab-help = YAML indents with spaces only: replace the tab with spaces. The line, with the tab shown as →: `{ $line }` (YAML parser: { $parser })
kterms-term-list-cannot-searched = the term list cannot be searched: { $e }
kstat-unknown-statement-kind-check = unknown statement kind `{ $check }`
match-kind-takes-pattern-regex = this kind takes a pattern or regex, or `any` of several; `all` and `none` have no single match to read values from

## YAML limits.

ynode-pack = pack
ynode-configuration = configuration
ynode-pack-limit-help = packs are small; anchors and aliases (`&name`, `*name`) may share a matcher, but not multiply the document
ynode-configuration-limit-help = a configuration is small; anchors and aliases (`&name`, `*name`) may share a value, but not multiply the document

## YAML packs and the configuration: names of what is expected where.

yaml-words-1 = a map of rule id to severity
yaml-words-2 = a rule id in `overrides`
yaml-words-3 = a list of rules (`- id: …`)
yaml-words-4 = the list of sections
yaml-words-5 = a list of `{"{"}name: …, heading: …{"}"}`
yaml-words-6 = a list of `{"{"}phrase: …, suggest: …{"}"}`, or a map with `file:` and `list:`
yaml-words-7 = the list of terms
yaml-words-8 = a list of `{"{"}phrase: …, suggest: …{"}"}`
yaml-words-9 = A term table
yaml-words-10 = a term table
yaml-words-11 = a list of `{"{"}phrase: …, suggest: …{"}"}` maps
yaml-words-12 = `true`, or a map with `allow:`
yaml-words-13 = a map of name to expression (`let: {"{"}computed: ok / total{"}"}`)
yaml-words-14 = an expression
yaml-words-15 = a scope is `document`, `paragraph`, `sentence`, `title`, `body`, `{"{"}section: …{"}"}`, `{"{"}heading: …{"}"}` or `{"{"}body_of_section: …{"}"}`
yaml-words-16 = text to look for
yaml-words-17 = a list of matchers
yaml-words-18 = an example
yaml-words-19 = `pass:` and `fail:` lists of example text
yaml-words-20 = the severity
yaml-words-21 = one of error, warning, info
yaml-words-22 = true or false
yaml-words-23 = a map (`key: value` lines)
yaml-words-24 = a rule
yaml-words-25 = A rule
yaml-words-26 = text
yaml-words-27 = nothing
yaml-words-28 = true/false
yaml-words-29 = a number
yaml-words-30 = a list
yaml-words-31 = a map
yaml-words-32 = a section
yaml-words-33 = A section
yaml-words-34 = a term
yaml-words-35 = A term
yaml-words-36 = the configuration
yaml-words-37 = The configuration
yaml-words-38 = an override
yaml-words-39 = An override
yaml-words-40 = a suppression
yaml-words-41 = A suppression
yaml-words-42 = a matcher
yaml-words-43 = A matcher
yaml-words-44 = a scope
yaml-words-45 = A scope
yaml-words-46 = aliases expand to too much text
yaml-words-47 = aliases are nested too deeply
yaml-words-48 = too many aliases
yaml-words-49 = too many anchors
yaml-words-50 = lists and maps are nested too deeply
yaml-words-51 = a pack file holds one YAML document
yaml-words-52 = too many values
yaml-words-53 = the file is too large
yaml-words-54 = rules
yaml-words-55 = globs
yaml-words-56 = rule ids
yaml-words-rule-id = rule `{ $id }`
yaml-modifier-scope = `scope` belongs to require, forbid, match and when rules
yaml-modifier-min = `min` belongs to require and when rules
yaml-modifier-unless = `unless` and `suggest` belong to forbid rules
yaml-modifier-let = `let` belongs to match, statement and assert rules
yaml-modifier-subject = `subject` belongs to statement rules
yaml-modifier-on = `on` belongs to consistent rules

## Odds and ends of step 4.

pattern-regex-detail = { $detail }
ynode-here = here
diag-help = help:{" "}
packerr-many-errors = { $pack }: { $count } errors in rule pack (the first { $shown } are shown)
packerr-errors = { $pack }: { $count } errors in rule pack
diag-error = Error:

## Progress bar and Word copies with comments (--annotate).

progress-checking = checking { $pos }/{ $len } files
annotate-changed = the document changed after it was checked; check it again
annotate-no-namespace = word/document.xml does not name the WordprocessingML namespace `w`; comments cannot be added
annotate-no-part = no { $part } in the archive
annotate-cannot-inflate = cannot inflate { $part } ({ $detail })
annotate-not-utf8 = { $part } is not UTF-8 XML
annotate-no-end = { $part } has no { $end } end
annotate-cannot-write = cannot write the annotated copy ({ $detail })

## serve: the server's messages, and packs uploaded to the page.

serve-listening = reportlint serve: listening on { $url }
serve-running = { $rules ->
        [one] { $rules } rule
       *[other] { $rules } rules
    }; uploads are checked in memory and not kept; press Ctrl+C to stop
serve-pack-failed = a rule pack failed to load; the server does not start with some of its rules missing
serve-no-rules = no rules to run (every pack was empty, or all rules were deselected); a check that checks nothing cannot pass
serve-no-browser = cannot open a browser ({ $error }); open { $url } yourself
serve-cannot-listen = cannot listen on { $address }: { $error }
serve-no-address = cannot tell the address listened on: { $error }
serve-open-to-network = listening on { $host } serves every machine that can reach this one: anyone there can upload reports to be checked; the page is opened by address (or a name given with --allow-host)
serve-stopped = the server stopped: { $error }
serve-pack-no-extends = an uploaded pack cannot extend or disable other packs
serve-not-in-page = not available in the page
serve-pack-no-extends-help = upload a pack that defines its rules itself; `extends` reads other files, which the server never does for a request
serve-pack-no-overrides = an uploaded pack cannot change rules of other packs
serve-pack-no-term-file = an uploaded pack cannot read a term table
serve-a-file = a file
serve-pack-no-term-file-help = write the terms inline in the rule

# Computed years, units of parts, tolerances in points, divisions that may be by zero.
val-year-facts-only = `year(…)` can only read document facts
val-year-not-a-fact = not a document fact
val-year-facts-help = write a year from the report's facts, e.g. `year(report.year + 1)`; the facts are { $facts }
val-counts-unit-needs-capture = `counts(={ $name })` needs a capture `{ $name }` of type count, amount or number in this pattern
val-counts-unit-label = whose unit?
val-counts-unit-help = name the capture whose unit the counts share, e.g. `{"{"}total:count{"}"}件{"{"}…{"}"}{"{"}parts:counts(=total){"}"}`
build-points-plain-number = `points` takes a plain number of percentage points
build-points-label = percentage points
build-points-help = write `within 0.5 points` (absolute) or `within 1% relative`
warn-division-may-be-zero = `{ $divisor }` may be 0 here: on such a report the rule cannot be evaluated
warn-division-label = division by a value that may be 0
warn-division-in-let-help = a `let` is computed before the assertions; divide inside the assertion behind a guard, e.g. `assert { $divisor } == 0 or rate ~= part / { $divisor } within 1%` (`or` stops when its left side is true)
warn-division-help = guard the division: `{ $divisor } == 0 or …` (`or` stops when its left side is true, so the division is not computed)
warn-pack-line = warning: { $file }:{ $line }:{ $column }: { $message }
warn-pack-help = help: { $help }

# check --timings
timings-header = timings: { $files } files, { $ms } ms in total (summed over files and threads); { $shown } of { $rows } rows, slowest first
timings-col-time = time (ms)
timings-col-share = share
timings-col-rule = rule
timings-reading = reading and decoding
timings-model = document model
timings-statements = statement analyser

# inspect: the text view of the document model and its statements
inspect-source = source: { $format } ({ $encoding }), { $lines } { $lines ->
    [one] line
   *[other] lines
} of text
inspect-furniture = { $part } (not checked): { $text }
inspect-title = title: { $title } ({ $at })
inspect-title-none = title: none
inspect-report-year = report year: { $year } ({ $at })
inspect-report-year-from = report year: { $year } (from the { $from }, { $at })
inspect-from-title = title
inspect-from-body = body
inspect-report-year-unknown = report year: unknown (the title says { $title } at { $title_at }, the body { $body } at { $body_at })
inspect-report-year-none = report year: none
inspect-body-agrees = the body says so too ({ $at })
inspect-document-date = document date: { $date } ({ $at })
inspect-document-date-none = document date: none
inspect-metadata = metadata: { $fields } fields
inspect-sections = sections: { $headings } headings
inspect-heading = { $style } { $number }, level { $level }, { $at }
inspect-heading-inline = { $style } { $number }, level { $level }, inline, { $at }
inspect-paragraphs = paragraphs: { $paragraphs }, sentences: { $sentences }
inspect-quantities = quantities: { $count }
inspect-approx = approx
inspect-decimals = ({ $decimals } decimals)
inspect-statements = statements: { $count }, { $flagged } inconsistent
inspect-consistent = consistent
inspect-inconsistent = INCONSISTENT: { $expected }
inspect-unchecked = unchecked: { $reason }
inspect-figures = figures: { $figures }
inspect-list-separator = {", "}
inspect-why = why: { $why }
inspect-style-part = part
inspect-style-chinese = chinese
inspect-style-paren-chinese = paren-chinese
inspect-style-arabic = arabic
inspect-style-paren-arabic = paren-arabic
inspect-quantity-count = count
inspect-quantity-percent = percent
inspect-quantity-amount = amount
inspect-quantity-other = other
inspect-kind-rate = rate
inspect-kind-share = share
inspect-kind-parts = parts
inspect-kind-growth = growth
inspect-kind-repeated = repeated
inspect-role-rate = rate
inspect-role-part = part
inspect-role-total = total
inspect-role-item = item
inspect-role-current = current
inspect-role-previous = previous
inspect-role-growth = growth
inspect-role-first = first
inspect-role-again = again

# The statement analyser: why a statement was left unchecked (shown by inspect)
stmt-no-part = no part
stmt-not-a-share = not a share of a total (may exceed 100%)
stmt-rate-approx = the rate is approximate
stmt-part-approx = the part is approximate
stmt-total-approx = the total is approximate
stmt-total-zero = the total is zero
stmt-other-reading-agrees = another reading of the counts agrees with the rate
stmt-no-count-before-share = no count before the share
stmt-count-before-share-is-total = the count before the share is itself a total
stmt-figure-approx = a figure is approximate
stmt-no-previous = no figure of the previous period
stmt-after-previous-is-difference = the figure after the previous period is a difference
stmt-change-of-rate = a change of a rate, not of the counts
stmt-previous-zero = the previous figure is zero
stmt-other-current-agrees = another figure of this period agrees with the change
stmt-difference-opposite = the difference and the change go different ways
stmt-list-not-read-to-end = the list is not read to its end
stmt-parts-overlap = the text says the parts overlap
stmt-prefix-adds-up = the first parts add up to the total; the rest is another breakdown
stmt-part-is-a-flow = a part counts a change (新增, 解除), not a share of the total
stmt-part-is-an-outcome = a part names an outcome, which may overlap the others
stmt-total-in-rate-sentence = the rate's sentence states its own total; the part is in the sentence before
stmt-part-may-be-a-sum = another count may belong to the part too: the rate may be of their sum
stmt-no-count-for-subject = no count matches the subject { $subject }
stmt-no-total-for-part = no total of the same unit { $unit } for part { $part }
stmt-counts-not-qualified = the counts do not say { $qualifier }
stmt-part-not-qualified = the part does not say { $modifier }
stmt-no-total-of-unit = no total of the same unit { $unit }
stmt-share-of-other = the share is of { $reference }, not of the total
stmt-no-current-of-unit = no figure of this period in the unit { $unit }
stmt-figures-not-named = the figures do not count { $named }
stmt-several-currents = several figures of this period, none named like the previous one

# The statement analyser: why figures were paired (shown by inspect)
pair-shares-with-rate = shares { $shared } with the rate
pair-synonyms = { $words } means { $subject } (synonyms)
pair-rate-over-100-in-change = { $subject }率 is a share of a total, here at the start or end of a change
pair-rate-over-100 = { $subject }率 is a share of a total
pair-share-over-100 = a share of a total
pair-total-marked = is the { $word } figure of the same unit { $unit }
pair-total-just-before = is the count written just before it, same unit { $unit }
pair-rate-part = part { $part } { $why }
pair-rate-part-total = part { $part } { $part_why }; total { $total } { $total_why }
pair-share-part = part { $part } is the count written before the share
pair-share-part-total = part { $part } is the count written before the share; total { $total } is the { $word } figure before it, same unit { $unit }
pair-share-part-total-among = part { $part } is a count of the list after 其中; total { $total } is the count the list is of, same unit { $unit }
pair-share-part-sum-after = part { $part } is the count written before the share; total { $total } is the sum written after the list ({ $word }), same unit { $unit }
pair-points = a change in percentage points of the rate from { $start } to { $end } written next to it
pair-growth = this period { $current }; previous period { $previous } (after { $mark }), same unit { $unit }
pair-growth-difference = this period { $current }; previous period { $previous } (the difference is stated), same unit { $unit }
pair-parts-number-first = { $count } number-first { $count ->
    [one] item
   *[other] items
} of unit { $unit } listed after { $word } right after the total { $total }
pair-parts-named = { $count } named { $count ->
    [one] item
   *[other] items
} of unit { $unit } listed after { $word } right after the total { $total }
pair-parts-sum-after = { $count } items of unit { $unit } listed right before { $word } { $total }, which sums them
pair-parts-alternatives = { $pairing }; { $set } are alternatives of one outcome
pair-repeated-before-same-words = written right before the same words
pair-repeated-after-same-words = written right after the same words
pair-repeated-words-before = { $words } before the number
pair-repeated-words-around = { $words }…{ $after } around the number
pair-repeated-named = named { $first } and { $again }
pair-repeated = both are the figure of { $subject } in { $unit }, { $how } (line { $first_line } and line { $again_line })
pair-repeated-refers-back = the words before the number refer back to { $noun }, stated before as { $words } in { $unit } (line { $first_line } and line { $again_line })

## The JSON Schema of YAML packs (`reportlint schema`): titles and descriptions an editor shows.
schema-title = reportlint rule pack (YAML)
schema-pack = A reportlint rule pack written as YAML. Generated from the rule model by `reportlint schema`.
schema-pack-name = The pack's name; findings are reported as `pack/rule-id`.
schema-pack-extends = Packs this one builds on: a path relative to this file, or `builtin:NAME`.
schema-pack-disable = Rules of extended packs switched off, as `pack/rule-id`.
schema-pack-overrides = Severity changes for rules of extended packs: `pack/rule-id: warning`.
schema-text = Text; a number or true/false is taken as written.
schema-expression = An expression of the rule language, e.g. `ok / total ~= rate within 1%`.
schema-matcher = Text to look for: plain text, or one of `regex`, `pattern`, `any`, `all`, `none`, `year`.
schema-scope = Where the text is looked for.
schema-rule = A rule: its id and message, and one kind key saying what it checks.
schema-rule-id = Stable id, unique within the pack, e.g. `three-systems`.
schema-rule-message = What a finding says; `{"{"}name{"}"}` interpolates a capture or a `let`.
schema-rule-examples = Example texts run by `reportlint test`: `pass` must give no finding, `fail` at least one.
schema-matcher-year = A year computed from document facts, as a report writes it, e.g. `report.year + 1`.
schema-modifier-let = Names bound to expressions, e.g. `computed: ok / total`.
schema-modifier-on = The capture whose value must agree everywhere.
schema-kind-require = Text must appear (kind `require`).
schema-kind-forbid = Text must not appear (kind `forbid`).
schema-kind-match = A pattern with typed captures, and assertions over the captured values (kind `match`).
schema-kind-statement = The quantity statements the analyser finds, one kind of them (kind `match statement`).
schema-kind-consistent = A quantity named in several places must have one value (kind `consistent`).
schema-kind-when = When a condition holds, a requirement must hold (kind `when`).
schema-kind-sections = Required sections, optionally in order (kind `sections`).
schema-kind-headings = Heading numbering continuity / level order (kind `headings`).
schema-kind-assert = Assertion over document facts such as the report year and document date (kind `assert`).
schema-kind-paired = Paired punctuation must be balanced (kind `paired`).
schema-kind-halfwidth = Half-width punctuation in Chinese running text (kind `halfwidth`).
schema-kind-terms = Wrong phrases and their right form, from a list (kind `terms`).
schema-kind-doubled = A character typed twice (kind `doubled`).
schema-kind-digits = Full-width digits in figures (kind `digits`).
schema-kind-other = Rule kind `{ $kind }`.
