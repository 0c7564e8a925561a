# reportlint 的中文消息。键与 en.ftl 相同；测试检查两个目录的键一致、每条消息的参数一致。
# Fluent 语法：`{ $name }` 是参数；字面的花括号写作 `{"{"}` 或 `{"}"}`。
# 用户要输入的词（require、match、规则编号、文件路径、--参数）保持原样。

## 命令行：命令和参数的说明（cmd-路径、arg-路径-编号）。

cmd-root = 按规则包检查法治政府建设年度报告
cmd-root-after = 退出码：0 表示没有达到失败级别的问题；1 表示有达到失败级别的问题；2 表示工具没能完成全部工作（参数有误、规则包或配置文件有错、报告文件读不出来）。
arg-lang = 提示和帮助的语言：zh（中文，默认）或 en（英文）；也可用环境变量 REPORTLINT_LANG，否则看系统语言（LC_ALL、LC_MESSAGES、LANG）
arg-help = 显示帮助
arg-version = 显示版本号
cmd-help = 显示本帮助，或某个命令的帮助
cmd-check = 用规则包检查报告（默认包含内置规则包，加 --no-builtin 则不用）
arg-check-paths = 要检查的报告文件或文件夹（`-` 表示从标准输入读）。文件夹会逐个查找其中的报告，跳过 .gitignore 和配置文件 include/exclude 排除的文件；这里直接写出的文件总会检查（除非加 --force-exclude）
arg-check-config = 使用这个配置文件，而不是自动查找 .reportlint.yaml
arg-check-no_config = 不使用任何 .reportlint.yaml
arg-check-packs = 在内置规则包之外再用一个规则包（可写多次）
arg-check-no_builtin = 不用内置规则包
arg-check-allow_pack_outside = 允许配置文件引用本仓库（git 工作区）以外的规则包，也允许规则包用 `extends` 引用其所在仓库以外的文件
arg-check-only = 只运行这些规则（写 `包名/编号` 或 `编号`；可写多次）
arg-check-skip = 不运行这些规则（写 `包名/编号` 或 `编号`；可写多次）
arg-check-fail_on = 达到哪个严重程度就算检查不通过（退出码 1）［默认：配置文件的 fail_on，没有则为 error］
arg-check-baseline = 只报告不在这个基线文件里的问题
arg-check-write_baseline = 把当前发现的问题记入这个基线文件（JSON），退出码为 0
arg-check-fix = 对 .txt/.md 文件直接改正可自动修改的问题，再报告剩下的问题
arg-check-diff = 以统一差异（diff）格式显示建议的修改，不改动任何文件（有修改时退出码为 1）
arg-check-since = 只检查自这个 git 版本以来改动过的文件（以及未纳入 git 的文件）
arg-check-files_from = 只检查 FILE 中列出的文件，每行一个（`-` 表示标准输入）
arg-check-force_exclude = 命令行上直接写出的文件也按配置文件的 include/exclude 筛选
arg-check-jobs = 同时检查的文件数（默认：CPU 核数）
arg-check-format = 输出格式（xlsx 需要同时用 --output 指定文件）
arg-check-output = 把结果写入这个文件，而不是显示在屏幕上
arg-check-annotate = 另外把每份报告存为一份 Word 副本，每个问题都写成批注，放在这个文件夹下（保留相对路径；.txt/.md/.html 报告存为 .docx）。报告原文件不会改动
arg-check-color = 屏幕输出何时使用颜色
arg-check-plain = 供 CI 日志使用的简洁输出：只用 ASCII 字符画线、不用颜色、每行 80 列
arg-check-extensions = 查找文件夹时要检查的文件扩展名（用逗号分隔）
arg-check-encoding = 用这个编码读取文本文件，而不是自动识别 UTF-8 / UTF-16 / GB18030
arg-check-max_file_size = 拒绝大于此大小的报告文件（以及解压后超过此大小的 .docx）：写字节数，或带单位，如 50MB
cmd-inspect = 显示 reportlint 从报告中读到了什么：章节、句子、数量
arg-inspect-file = 要分析的报告文件
arg-inspect-format = 输出格式
arg-inspect-sentences = 同时列出每个句子及其位置
arg-inspect-extracted = 同时逐行列出提取出的文字，以及每行在原文件中的位置
arg-inspect-encoding = 用这个编码读取文本文件，而不是自动识别
arg-inspect-max_file_size = 拒绝大于此大小的文件（写字节数，或如 50MB）
cmd-rules = 列出或解释已加载规则包中的规则
cmd-rules-list = 每条规则一行：编号、严重程度、概要
arg-rules-list-packs = 再加入一个规则包（可写多次）
arg-rules-list-no_builtin = 不含内置规则包
cmd-rules-explain = 一条规则的全部信息：提示语、帮助、依据、示例
arg-rules-explain-id = `包名/编号`，不会混淆时只写 `编号` 即可
arg-rules-explain-packs = 再加入一个规则包（可写多次）
arg-rules-explain-no_builtin = 不含内置规则包
cmd-rules-help = 显示本帮助，或某个命令的帮助
cmd-test = 运行规则包中每条规则自带的通过（pass）/不通过（fail）示例
arg-test-packs = 要运行其示例的规则包（默认：内置规则包）
cmd-convert = 把规则包转换为另一种写法（DSL ⇄ YAML）并显示
arg-convert-pack = 要转换的规则包（`.rules`、`.yaml` 或 `.yml`）
arg-convert-to = 要显示的写法
cmd-fmt = 把 DSL 规则包整理成统一格式
arg-fmt-packs = 要就地整理的 DSL 规则包（`.rules`）
arg-fmt-check = 不写入文件；如有规则包格式不统一，退出码为 1
cmd-init = 在当前文件夹写入一个起步用的 .reportlint.yaml 和一个示例规则包
arg-init-dir = 写入到哪个文件夹（默认：当前文件夹）
cmd-completions = 显示命令行自动补全脚本（bash、zsh、fish、elvish、powershell）
arg-completions-shell = 为哪种 shell 生成补全脚本
cmd-man = 在标准输出上显示 man 手册页（roff 格式）

## 命令行：帮助的版式，以及命令行写错时的提示。

help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = 命令
help-heading-options = 选项
help-heading-arguments = 参数
help-possible-values = ［可选：{ $values }］
help-default = ［默认：{ $value }］
clap-unknown-argument = 错误：没有“{ $arg }”这个参数
clap-invalid-subcommand = 错误：没有“{ $name }”这个命令
clap-missing-value = 错误：参数“{ $arg }”后面缺少取值（可选：{ $valid }）
clap-invalid-value = 错误：参数“{ $arg }”不能取“{ $value }”（可选：{ $valid }）
clap-value-validation = 错误：参数“{ $arg }”的值“{ $value }”不对：{ $why }
clap-missing-required = 错误：缺少必须写的参数：{ $arg }
clap-conflict = 错误：参数“{ $arg }”不能和“{ $other }”同时使用
clap-wrong-values = 错误：参数“{ $arg }”的取值个数不对
clap-missing-subcommand = 错误：需要写一个命令（见 --help）
clap-did-you-mean = {"  "}提示：是不是要写“{ $suggestion }”？
clap-usage = 用法：{ $usage }
clap-more-help = 更多说明请用 --help 查看。

## 汇总行。

summary-files = { $files } 个文件

## 系统错误（文件、文件夹、管道）。

io-not-found = 文件或文件夹不存在
io-permission-denied = 没有权限
io-already-exists = 文件已存在
io-is-a-directory = 这是一个文件夹，不是文件
io-not-a-directory = 路径中有一段不是文件夹
io-storage-full = 磁盘空间已满
io-read-only-filesystem = 文件系统是只读的
io-invalid-data = 内容无效
io-unexpected-eof = 文件意外结束
io-file-too-large = 文件太大
io-broken-pipe = 管道已断开
io-interrupted = 操作被中断
io-other = 系统错误：{ $error }
io-with-code = { $what }（系统错误码 { $code }）

## 读取报告文件。

src-io = 无法读取 { $path }：{ $error }
src-empty = { $path } 是空文件，没有可检查的内容
src-no-text = { $path } 里没有可检查的文字（这个 { $format } 文件里没有带文字的段落）
src-too-large = { $path } 超过了 { $limit } 字节的大小上限（实际 { $size }）；如确需检查，请用 --max-file-size 调高上限
src-binary = { $path } 不是文本文件（第 { $offset } 字节处是空字符 NUL）；如果是没有字节序标记的 UTF-16 文件，请加 --encoding utf-16le 或 utf-16be
src-undecodable = { $path } 不是有效的{ $tried }（第 { $line } 行、第 { $offset } 字节处有无法识别的字节）
src-protected = { $path } 是设了密码的文件或旧的 .doc 格式文件；请用 Word 另存为不加密的 .docx 再检查
src-docx = { $path } 不是可以读取的 .docx 文件：{ $reason }
src-too-deep = { $path } 的 HTML 元素嵌套超过 { $limit } 层（第 { $line } 行）；嵌套太深，无法在合理时间内读取，正常的报告网页不会这样
src-too-many-elements = { $path } 让 HTML 解析产生了超过 { $limit } 个元素（到第 { $line } 行为止）：没有关闭的格式标记（<b>、<font>…）在一段又一段中被重复打开；正常的报告网页用不了这么多
size-not-a-size = “{ $value }”不是大小（请写成 50MB 或 1048576 这样）
size-unknown-unit = 不认识的大小单位“{ $unit }”（请用 k、M 或 G）
size-too-large = “{ $value }”太大了
src-tried-chinese = UTF-8 或 GB18030 中文文本；如果知道文件的编码，请用 --encoding 指定
src-tried-utf8 = UTF-8 文本

## 写回文件（--fix 和输出文件）。

write-read-only = 文件是只读的（没有写权限）；文件没有改动（要自动改正，请先让它可写）
write-hard-links = 文件有 { $links } 个硬链接，写入改正（用新文件替换它）会使它与其他名字分开；文件没有改动（请手工改正，或先解除硬链接）
write-not-a-file = 它不是普通文件；文件没有改动
write-owner = 无法让改好的文件保持原文件的所有者和组（{ $uid }:{ $gid }）：{ $error }；文件没有改动
write-io = { $error }；文件没有改动
write-is-folder = 这是一个文件夹

## 读取 Word（.docx）文件；压缩包或 XML 库给出的技术细节原样保留。

docx-numbering-bomb = 文档的文字连同自动编号超过了 { $limit } 字节（可能是恶意构造的编号，或文档非常大；如确需检查，请用 --max-file-size 调高上限）
docx-corrupt-zip = 文件已损坏或不完整，不是有效的 zip 压缩包（技术细节：{ $detail }）
docx-no-document = 压缩包里没有 word/document.xml（这是 Word 文档吗？）
docx-cannot-open-part = 无法打开压缩包里的 { $part }（技术细节：{ $detail }）
docx-encrypted = { $part } 是加密的
docx-zip-bomb = 文档解压后超过了 { $limit } 字节（可能是恶意构造的压缩包，或文档非常大；如确需检查，请用 --max-file-size 调高上限）
docx-cannot-inflate = 文件已损坏或不完整：无法解压 { $part }（技术细节：{ $detail }）
docx-not-utf8 = { $part } 不是 UTF-8 编码的 XML（第 { $offset } 字节）
docx-bad-xml = { $part } 第 { $offset } 字节处的 XML 格式有误（技术细节：{ $detail }）
docx-document-xml = 文档正文的 XML

## 查找和写入本次运行的文件。

input-cannot-walk = 无法查看文件夹里的文件：{ $error }
input-same-file-as = （与 { $path } 是同一个文件）
input-would-overwrite = { $option } { $path }{ $same_as } 是要检查的报告之一，写入会把它覆盖；请写到别的文件，或者不把它列入要检查的文件
input-same-output = { $a } 和 { $b } 指向同一个文件 { $path }
file-cannot-read = 无法读取 { $path }：{ $error }
annotate-cannot = 无法为 { $path } 写批注：{ $error }
annotate-cannot-stdin = 无法为标准输入的内容写批注：{ $error }
file-cannot-create-folder = 无法建立文件夹 { $path }：{ $error }
file-cannot-write = 无法写入 { $path }：{ $error }
since-no-repository = --since 需要在 git 仓库中使用，而 { $path } 不在任何仓库里（技术细节：{ $detail }）
since-cannot-list = 无法列出自 { $rev } 以来改动的文件（技术细节：{ $detail }）
since-cannot-list-untracked = 无法列出未纳入 git 的文件（技术细节：{ $detail }）
since-unknown-rev = 无法列出自 { $rev } 以来改动的文件：{ $path } 处的仓库里没有这个版本{ $detail }
detail-in-brackets = （{ $detail }）
git-cannot-run = 无法运行 git：{ $error }
git-failed = git { $command } 运行失败
git-not-utf8 = git 输出的路径不是 UTF-8 编码
files-from-stdin = 无法从标准输入读取文件清单：{ $error }
files-from-file = 无法读取文件清单 { $path }：{ $error }
fix-cannot = 无法改正 { $path }：{ $error }
fix-cannot-write = 无法写入改正后的报告 { $path }：{ $error }
fix-unrepresentable = 改正后的文字里有 { $encoding } 编码无法保存的字符（{ $chars }）；文件没有改动
fix-beyond-gbk = 改正会带入 GBK 编码无法保存的字符（{ $chars }）；这个文件是 GBK 编码的，若按 GB18030 的四字节写入，用 GBK 就读不出来了；文件没有改动（请手工修改，或先把文件另存为 GB18030 或 UTF-8）
fix-refixed = 第 { $line } 行 { $rule } 的改正（“{ $old }” → “{ $new }”）改完后又被{ $again }再次改正，改了 { $passes } 遍仍停不下来；文件没有改动（请修正规则给出的建议）
fix-too-many-passes = 第 { $line } 行（{ $rule }）改了 { $passes } 遍后仍有要改的地方；文件没有改动
fix-same-rule = 同一条规则
fix-other-rule = 规则 { $rule }
baseline-cannot-read = 无法读取基线文件 { $path }：{ $error }
baseline-not-baseline = { $path } 不是 reportlint 的基线文件（技术细节：{ $detail }）；请用 `reportlint check --write-baseline FILE` 生成
baseline-version = { $path } 是第 { $version } 版的基线文件；这个版本的 reportlint 只能读第 { $supported } 版
file-not-regular = 它是{ $kind }，不是普通文件
file-too-large = 它有 { $size } 字节；超过 { $limit } 字节的文件不予读取
file-larger-than = 它超过了可接受的最大值 { $limit } 字节
file-not-utf8 = 它不是 UTF-8 文本（二进制内容不显示）
file-kind-folder = 一个文件夹
file-kind-fifo = 一个命名管道（FIFO）
file-kind-socket = 一个套接字
file-kind-device = 一个设备
file-kind-special = 一个特殊文件

## 命令的输出：各命令的错误与说明。

error-line = 错误：{ $message }
warning-line = 警告：{ $message }
output-cannot-write = 无法写出结果：{ $error }
man-cannot-render = 无法生成 man 手册页：{ $error }
suppression-unused = { $file }:{ $line }:{ $column }：对 { $path } 免报 { $rule } 的设置（suppress）在这次检查的文件里没有用上；如果那个问题已经改掉了，请删除这条设置
check-no-cwd = 无法确定当前文件夹：{ $error }
check-xlsx-needs-output = --format xlsx 生成的是 Excel 工作簿文件，不能显示在屏幕上；请用 --output 指定要写入的文件（例如 -o 审查结果.xlsx）
check-no-rules = 没有可运行的规则（规则包都没能加载、都是空的，或者规则都被排除了）；什么也没检查，不能算通过
check-no-files = 在 { $paths } 中没有找到报告文件（扩展名：{ $extensions }）；什么也没有检查
check-no-threads = 无法启动工作线程：{ $error }
annotate-wrote = 已把 { $count } 份带批注的副本写入 { $folder }

## 汇总行。

summary-checked = 检查了 { $files } 个文件：错误 { $errors } 个，警告 { $warnings } 个，提示 { $infos } 个{ $notes }，用时 { $seconds } 秒{ $configuration }
summary-failed-files = ；有 { $count } 个文件无法检查
summary-suppressed = ；按设置免报 { $count } 个
summary-baselined = ；基线中已有 { $count } 个
summary-pack-errors = ；有 { $count } 个规则包有错误，其中的规则没有运行，本次检查不完整
summary-configuration = （配置文件：{ $path }）
baseline-cannot-write = 无法写入基线文件 { $path }：{ $error }
baseline-wrote = 已写入 { $path }：记入 { $count } 个已知问题
fix-fixed = 在 { $files } 个文件中改正了 { $count } 处问题
fix-would-fix = 可在 { $files } 个文件中改正 { $count } 处问题
fix-overlapping = 有 { $count } 处改正与别的改正重叠，已在那处改正之后重新检查
fix-not-fixable = { $path }：不能自动改正：只有 .txt 和 .md 文件可以写回；这个文件没有改动

## 检查时规则包有错误。

check-packs-broken = 有 { $count } 个规则包有错误（详见下文）；其中的规则不会运行，本次检查不完整

## test、fmt、convert 命令。

fmt-not-dsl = { $path }：`fmt` 只整理 DSL 规则包（.rules）；YAML 规则包请用 `reportlint convert` 转换
fmt-not-formatted = { $path }：格式不统一
fmt-formatted = { $path }：已整理
test-no-packs = 没有要测试的规则包
test-pack-header = { $path }：{ $rules } 条规则，{ $examples } 个示例
test-no-examples = { $rule } 没有示例
test-should-pass = 应当通过（pass），却报出了：{ $findings }
test-should-fail = 应当报出问题（fail），规则却什么也没找到
test-failed-example = {"  "}未通过 { $rule }：{ $what }
    {"    "}示例：{ $text }
test-summary = 通过 { $passed } 个，未通过 { $failed } 个
test-summary-with-broken = 通过 { $passed } 个，未通过 { $failed } 个；另有 { $broken } 个规则包有错误，没有测试
test-not-run = 没有运行任何示例：{ $broken } 个规则包有错误（见上文）

## rules list、rules explain 命令。

rules-no-rule = 没有编号为“{ $id }”的规则（可用 `reportlint rules list` 查看所有规则）
rules-no-rule-did-you-mean = 没有编号为“{ $id }”的规则；是不是要写“{ $close }”？（可用 `reportlint rules list` 查看所有规则）
rules-ambiguous = “{ $id }”不止对应一条规则：{ $ids }；请写成 `包名/编号`
explain-title = { $id }（{ $severity }，类型 `{ $kind }`）
explain-message = 提示语：{"   "}
explain-help = 帮助：{"     "}
explain-reference = 依据：{"     "}
explain-tags = 标签：{"     "}
explain-passes = 应通过的示例（pass）
explain-fails = 应报出问题的示例（fail）
explain-dsl = 规则的 DSL 写法：

## init 命令。

init-wrote = 已写入 { $path }
init-next = 下一步：按需修改 { $config }，然后运行 `reportlint check`
init-exists = { $paths } 已经存在；什么也没有写入（请先删除或改名）
init-and = {" "}和{" "}
file-cannot-create = 无法建立 { $path }：{ $error }

## 规则在某份报告上无法判断（作为警告列在结果中）。

eval-rule-error = 这条规则在此处无法判断：{ $error }
eval-rule-error-help = 这是规则本身或它读到的数字有问题，不是对报告的结论；请人工核对这里的数字
regex-time-limit = 查找用时超过了 { $limit }（一个正则表达式在一份报告上的时间上限）
regex-gave-up = 正则表达式在这段文字上放弃了查找：{ $reason }
eval-missing = “{ $name }”在这里没有值
eval-division-by-zero = 除数为 0：这一处读到的除数是 0
eval-not-finite = 计算结果太大，无法计算
eval-type-mismatch = 这里应是{ $expected }，实际是{ $found }
eval-arity = { $func }() 需要{ $expected }
eval-empty-list = { $func }() 作用于空列表，没有值
eval-invalid-date = { $year }-{ $month }-{ $day } 不是日历上存在的日期
value-percentage = 百分数
value-number = 数字
value-list = 列表
value-date = 日期
value-text = 文字
value-truth = 是非值
value-condition = 条件（成立或不成立）
value-numbers = 一组数字
value-one-name = 一个名字
value-one-number = 一个数字
value-ymd = 三个数字：年、月、日
value-one-date = 一个日期
value-repeated = 一个可重复的捕获或若干数字
value-compare = 两个同类的值才能比较，而左边是{ $kind }

## 各输出格式中给人读的文字（键名和字段保持英文）。

human-more-not-shown = { $path }：{ $rule }：另有 { $count } 处同类问题未显示（用 --format json 可看到全部）
github-file-not-checked = reportlint：文件没有检查
github-pack-not-loaded = reportlint：规则包没有加载
sarif-pack-not-loaded = 规则包没有加载，其中的规则没有运行：{ $error }
