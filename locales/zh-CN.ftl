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
cmd-serve = 在本机提供一个网页（和 JSON 接口），检查上传的报告
arg-serve-port = 监听的端口［默认：任选一个空闲端口，启动时显示］
arg-serve-host = 监听的地址。默认只供本机使用；写 0.0.0.0 则向网络开放（凡是能连到本机的电脑都可以上传报告）
arg-serve-allow_hosts = 除监听地址外，还允许用这个主机名打开网页，例如办公室电脑的名字（可写多次）
arg-serve-open = 用默认浏览器打开网页
arg-serve-config = 使用这个配置文件，而不是自动查找 .reportlint.yaml
arg-serve-no_config = 不使用任何 .reportlint.yaml
arg-serve-packs = 在内置规则包之外再用一个规则包（可写多次）
arg-serve-no_builtin = 不用内置规则包
arg-serve-allow_pack_outside = 允许配置文件引用本仓库（git 工作区）以外的规则包
arg-serve-only = 只运行这些规则（写 `包名/编号` 或 `编号`；可写多次）
arg-serve-skip = 不运行这些规则（写 `包名/编号` 或 `编号`；可写多次）
arg-serve-encoding = 用这个编码读取文本文件，而不是自动识别 UTF-8 / UTF-16 / GB18030
arg-serve-max_file_size = 拒绝大于此大小的报告文件（以及解压后超过此大小的 .docx）
arg-serve-max_request_size = 拒绝大于此大小的请求（一次上传的所有文件合计）
arg-serve-max_files = 拒绝报告文件数多于此数的请求
arg-serve-timeout = 一个请求（包括上传）超过这么多秒就停止
arg-serve-jobs = 同时检查的文件数（默认：CPU 核数）
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

summary-checked = 检查了 { $files } 个文件：错误 { $errors } 个，警告 { $warnings } 个，提示 { $infos } 个{ $notes }，用时 { $seconds } 秒{ $configuration }{ $packs }
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
explain-passes = 应通过的示例（pass）：
explain-fails = 应报出问题的示例（fail）：
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

## 规则包：DSL 的语法错误。

syntax-expected-found = 此处应为{ $expected }，实际是{ $found }
syntax-unexpected-unexpected = 此处不应出现{ $unexpected }
syntax-unexpected-found = 此处不应出现{ $found }
syntax-did-you-mean-keyword = 是不是要写 `{ $keyword }`？
syntax-pack-nested-too-deeply = 规则包的括号嵌套太深，无法读取
syntax-nested-too-deeply-here = 这里嵌套太深
syntax-flatten-nesting-fewer-brackets = 请减少嵌套：括号里少套括号
syntax-expected-only-here = 这里应为{ $only }
syntax-error = 语法错误
syntax-file-ends-after-this = 文件到这里就结束了
syntax-unexpected-here = 这里不应出现
syntax-a-rule-line = 规则里的一行（`message`、`require`、`forbid`……）
syntax-a-pack-line = `rule` 或规则包的一行（`pack`、`version`、`extends`……）
syntax-or = { $rest }或{ $last }
list-comma = 、
syntax-end-of-file = 文件末尾
syntax-end-of-line = 行末
syntax-a-string = 一个字符串
syntax-phrase-1 = 一个空格
syntax-phrase-2 = 一条注释
syntax-phrase-3 = 一个规则包
syntax-phrase-4 = `rule` 或规则包的一行
syntax-phrase-5 = 规则里的一行
syntax-phrase-6 = 要查找的文字
syntax-phrase-7 = 一个值
syntax-phrase-8 = 一个运算符
syntax-phrase-9 = 字母或数字
syntax-phrase-10 = 规则编号
syntax-phrase-11 = `pass` 或 `fail`
syntax-phrase-12 = 一个部分（`"名称" = …`）
syntax-phrase-13 = `{"{"}` 加一组用语
syntax-phrase-14 = 一条用语（`"错误写法" -> "正确写法"`）
syntax-phrase-15 = 要查找的文字（字符串、`/正则/`、`pattern`、`any(`、`all(` 或 `none(`）
syntax-phrase-16 = 一个表达式
syntax-phrase-17 = 一个比较（`<`、`<=`、`>`、`>=`、`==`、`!=`）
syntax-phrase-18 = 一个容差（如 `1%`）
syntax-phrase-19 = 一个百分数
syntax-phrase-20 = 一个数字
syntax-phrase-21 = 一项文档信息
syntax-phrase-22 = 一个函数调用
syntax-phrase-23 = 一个名字
syntax-phrase-24 = 一个关键字
syntax-phrase-25 = 一个词
syntax-phrase-26 = 字符串内容
syntax-phrase-27 = 一个转义
syntax-phrase-28 = 一个正则表达式 `/…/`
syntax-phrase-29 = 正则表达式内容

## 规则包：校验、加载、继承；配置文件。

val-pack-has-no-rules = 规则包“{ $pack }”里没有规则
val-pack-checks-nothing = 这个规则包什么也不检查
val-add-at-least-one = 请至少写一条规则，或者不用这个规则包
val-empty-text-look-for = 要查找的文字是空的
val-empty-text-found-everywhere = 空文字处处都能找到
val-id-not-valid-rule = “{ $id }”不能用作规则编号
val-invalid-rule-id = 规则编号不合规
val-rule-ids-use-lowercase = 规则编号只能用小写英文字母、数字和 `-`，以字母或数字开头，例如 `success-rate`
val-duplicate-rule-id = 规则编号“{ $id }”重复了
val-already-used-by-earlier = 前面的规则已经用了这个编号
val-rule-ids-must-unique = 同一个规则包里的规则编号不能重复：检查结果按 `包名/编号` 报告
val-did-you-mean-near = 是不是要写 `{ $near }`？
val-available-here-order = 这里可以用的有：{ $order }
val-on-ty-capture-not = “{ $on }”捕获的是{ $ty }，不是数字
val-consistency-checked-on-numeric = 一致性只能按数字类的捕获来比较
val-capture-quantity-with-count = 请用 `count`、`amount`、`number`、`percent` 或 `year` 来捕获数量
val-on-not-capture-pattern = “{ $on }”不是这个模式里捕获的名字
val-unknown-capture = 没有这个捕获
val-pair-not-two-characters = “{ $pair }”不是由两个字符组成的一对
val-write-opening-closing-character = 请写出开头和结尾两个字符，例如 `《》`
val-no-half-width-characters = 没有列出要检查的半角字符
val-list-characters-flag-e = 请列出要标出的字符，例如 `,.;:?!()`
val-suggestion-holds-what-own = 这条修改建议里含有本规则禁止的内容
val-fix-would-put-forbidden = 每次运行 `--fix` 都会把禁止的文字又写回去；请建议一个本规则不会标出的写法，或者用 `unless` 放过建议的写法
val-replacement-itself-forbidden-by = “{ $replacement }”本身就是本规则禁止的写法
val-replacement-holds-found-which = “{ $replacement }”里含有本规则禁止的“{ $found }”
val-subject-matched-with-text = subject 要用文字来匹配，不能用 pattern
val-pattern-with-captures = 这是带捕获的 pattern
val-write-words-subject-as = 请把 subject 的词写成文字或 `/正则/`，例如 `subject /成功|办结/`
val-unknown-statement-kind-arg = 没有“{ $kind }”这种表述类型
val-not-kind-statement = 不是表述类型
val-did-you-mean-near-2 = 是不是要写 `{ $near }`？可用的类型有：{ $all }
val-kinds-are-all = 可用的类型有：{ $all }
val-minimum-count-always-met = 最少出现 0 次的要求永远满足
val-at-least = 至少写 1
val-binding-already-defined = “{ $binding }”已经定义过了
val-capture-earlier-let-has = 已有同名的捕获或前面的 `let`
val-give-computed-value-own = 请给计算出的值另起一个名字
val-expected-want-found = 这里应是{ $want }，实际是{ $found }
val-found = 这是{ $found }
val-unknown-name = 不认识的名字“{ $name }”
val-not-capture-rule-s = 既不是本规则模式里的捕获，也不是前面 `let` 定义的名字
val-document-facts-are-written = 文档信息要写全名：{ $facts }
val-unknown-document-fact-name = 没有“{ $name }”这项文档信息
val-not-document-fact = 不是文档信息
val-document-facts-are-arg = 可用的文档信息有：{ $facts }
val-cannot-compare-l-with = { $l }不能和{ $r }比较
val-l-on-left-r = 左边是{ $l }，右边是{ $r }
val-l-cannot-compared-way = { $l }不能这样比较
val-only-numbers-dates-are = 只有数字和日期能比大小；文字只能用 `==` / `!=` 比较
val-compare-sum-x-count = 要用可重复的捕获，请比较 `sum(x)` 或 `count(x)`
val-func-needs-repeated-capture = { $func }() 需要一个可重复的捕获，实际是{ $ty }
val-ty = 这是{ $ty }
val-capture-list-with-parts = 请用 `{"{"}parts:counts{"}"}` 或 `{"{"}parts:counts(人){"}"}` 捕获一组数
val-exists-takes-name-fact = exists() 里要写一个名字或一项文档信息
val-not-name = 不是名字
val-year-capture-already-number = `year` 捕获本身就是数字；请直接比较
val-unmatched-message = 提示语里有多余的 `{"}"}`
val-no-opens = 前面没有与之对应的 `{"{"}`
val-write-for-literal = 要写字面的 `{"}"}`，请写成 `{"}"}{"}"}`
val-unclosed-message = 提示语里的 `{"{"}` 没有闭合
val-has-no-matching = 这个 `{"{"}` 没有对应的 `{"}"}`
val-write-for-literal-2 = 要写字面的 `{"{"}`，请写成 `{"{"}{"{"}`
val-unknown-name-message = 提示语里的名字“{ $name }”不认识
val-nothing-by-name = 没有叫这个名字的
val-unknown-format-spec = 不认识的格式“{ $spec }”
val-not-format = 不是格式
val-formats-percentage-decimals-n = 可用的格式：`%`（百分数，2 位小数）、`.N`（N 位小数）、`.N%`
val-func-needs-found-ty = { $func }() 需要{ $needs }，实际是{ $ty }
val-ty-2 = 这是{ $ty }
val-no-table-file-named = 没有写表格文件名
val-empty-file-name = 文件名是空的
val-name-table-beside-pack = 请写出放在规则包旁边的表格文件名，例如 `terms.csv`
val-file-not-term-table = “{ $file }”不是用语表（应为 .csv、.yaml 或 .yml）
val-unknown-table-form = 不认识的表格格式
val-keep-terms-csv-file = 请把用语放在 `.csv` 文件（表头为 `错误写法,正确写法,例外`）或 `.yaml` 列表里
val-allowed-holds-no-doubled = “{ $allowed }”里没有连写两次的字
val-nothing-allow = 没有要放过的内容
val-list-sequences-with-character = 请列出含有叠字但本来就正确的写法，例如 "层层" 或 "学习习近平"
val-message-empty = 提示语是空的
val-say-what-wrong-report = 请说明报告哪里有问题
val-no-captures-or-lets = 这条规则没有捕获，也没有 `let`
val-names-also = { $near }{ $available }；另外还可以用：{ $also }
val-func-takes = { $func }() 里要写{ $expected }
val-arguments-given = 这里写了 { $given } 个
val-takes-list-or-numbers = 一个可重复的捕获，或者几个数字
val-takes-one-list = 一个可重复的捕获
val-takes-one-number = 一个数字
val-takes-one-name-or-fact = 一个名字或一项文档信息
val-takes-three-numbers = 三个数字：年、月、日
val-takes-one-date = 一个日期
val-needs-repeated-capture = 一个可重复的捕获
val-needs-date = 一个日期
val-replacement-holds-whole-match = 修改建议里含有整个匹配到的文字，这个正则表达式会再次把它标出来
load-pack-has-no-rules = 规则包“{ $pack }”用 `disable` 去掉规则后已经没有规则
load-pack-checks-nothing = 这个规则包什么也不检查
load-keep-at-least-one = 请至少保留所继承规则包中的一条规则，或者写一条自己的规则
load-unknown-built-pack-entry = 没有“{ $entry }”这个内置规则包
load-no-such-built-pack = 没有这个内置规则包
load-extends-cycle-pack-already = `extends` 形成了循环：这个规则包已经在加载中
load-closes-cycle = 循环在这里闭合
load-packs-extend-each-other = 这几个规则包互相继承：{ $chain }
load-extends-reaches-outside-repository = `extends` 引用了仓库以外的文件：{ $p }
load-outside-repository = 在仓库以外
load-pack-may-only-extend = 规则包只能继承 { $boundary } 里的文件（被检查规则包所在的 git 工作区或文件夹）；请把需要的规则包复制进来
load-extended-pack-not-found = 找不到要继承的规则包：{ $p }
load-no-such-file = 没有这个文件
load-rule-full-also-defined = 规则“{ $full }”在所继承的规则包里也有定义
load-defined-again-here = 这里又定义了一次
load-give-rule-another-id = 请给这条规则换个编号，或者写 `disable "{ $full }"` 后在这里重新定义
load-built-pack-cannot-read = 内置规则包不能读取用语表文件
load-built-packs-hold-their = 内置规则包的用语直接写在包里
load-term-table-outside-repository = 用语表在仓库以外：{ $path }
load-outside-repository-2 = 在仓库以外
load-pack-may-only-read = 规则包只能读取 { $boundary } 里的表格（被检查规则包所在的 git 工作区或文件夹）；请把表格复制进来
load-term-table-not-found = 找不到用语表：{ $path }
load-no-such-file-2 = 没有这个文件
load-cannot-read-term-table = 无法读取用语表 { $path }：{ $problem }
load-unreadable-table = 表格读不出来
load-term-table-utf-text = 用语表应是 UTF-8 编码的文本文件（在电子表格软件里请另存为“CSV UTF-8”）
load-path-does-not-look = { $path } 看起来不是用语表（{ $wanted }）；不显示其内容
load-not-term-table = 不是用语表
load-rule-comes-from-two = 规则“{ $rule }”来自两个所继承的规则包，而两边的定义不同
load-second-definition-rule-comes = 这条规则的第二个定义来自这里
load-two-packs-share-name = 有两个规则包同名，或者两个所继承的规则包对同一个基础包的停用或改级设置不同
load-no-rule-id-extended = 所继承的规则包里没有规则“{ $id }”
load-unknown-rule = 没有这条规则
load-rule-ids-are-written = 规则编号写作 `包名/编号`：是不是要写 `{ $near }`？
load-built-packs-names = 内置规则包有：{ $names }
config-unknown-fail-level-s = 不认识的失败级别“{ $s }”：请用 error、warning、info 或 never
config-name-must-on-one = `{ $name }` 必须是写在一行里的名字
config-configuration-must-map-settings = 配置文件应是一组“设置项: 值”，实际是{ $other }
config-unknown-setting-name = 不认识的设置项“{ $name }”
config-cannot-read = 无法读取配置文件 { $path }：{ $message }
packs-no-loaded-rule = 已加载的规则包里都没有规则“{ $rule }”
packs-unknown-rule = 没有这条规则
packs-rule-ids-help = 用 `reportlint rules list` 可以查看规则编号；请写 `包名/编号` 或只写 `编号`
config-not-setting-here = 这里不能写这个设置项
config-did-you-mean-k = 是不是要写 `{ $k }`？
config-known-settings-here = 这里可以写的设置项有：{ $known }
config-name-set-twice = `{ $name }` 设置了两次
config-expected-text-found-other = 这里应是文字，实际是{ $other }
config-expected-true-false-found = 这里应是 true 或 false，实际是{ $other }
config-expected-list-texts-found = 这里应是一组文字（列表），实际是{ $other }
config-invalid-glob-e = 文件匹配式写得不对：{ $e }
config-matches-within-one-folder = `*` 匹配同一文件夹里的名字，`**` 可跨文件夹，`?` 匹配一个字符，`{"{"}a,b{"}"}` 匹配其中之一
config-expected-map-rule-ids = 这里应是“规则编号: 严重程度”的对照（如 `rule-id: info`），实际是{ $node }
config-unknown-severity-level = 不认识的严重程度“{ $level }”
config-use-error-warning-info = 请用 error、warning 或 info
config-expected-list-what-found = 这里应是一组{ $what }（列表），实际是{ $other }
config-override-map-with-paths = override 的每一项应写 `paths` 以及 `disable` 或 `severity`，实际是{ $item }
config-override-has-no-paths = 这一项 override 没有写 `paths`
config-say-which-files-for = 请写明适用于哪些文件：`paths: [部门/**]`
config-suppression-map-with-rule = suppress 的每一项应写 `rule`、`path`、`reason`，可以再写 `text`，实际是{ $item }
config-invalid-glob-e-2 = 文件匹配式写得不对：{ $e }
config-reason-suppression-must-not = 免报的理由（reason）不能是空的
config-say-why-finding-accepted = 请写明为什么接受这个问题，方便下一位审阅报告的人了解
config-suppression-has-no-reason = 这一项 suppress 没有写 `reason`
config-suppression-without-reason = 免报没有写理由
config-finding-accepted-only-with = 写了理由才能免报：请加上 `reason: …` 说明原因
config-suppression-has-no-rule = 这一项 suppress 没有写 `rule`
config-suppression-has-no-path = 这一项 suppress 没有写 `path`
config-name-file-glob-relative = 请写出文件（相对于配置文件的匹配式：`reports/2024/*.txt`）

## 规则包：读取规则包文件。

load-cannot-read-pack = 无法读取规则包 { $path }：{ $message }
load-unknown-form = { $path }：不认识的规则包格式（DSL 写法用 .rules，YAML 写法用 .yaml 或 .yml）
load-unknown-builtin = 没有“{ $name }”这个内置规则包
load-not-a-pack = { $path } 看起来不是规则包，也无法加载；不显示其内容
load-not-a-pack-help = `.rules` 规则包（空行和注释之后）以 `pack "名称"`、`rule` 或 `extends` 这样的行开头，YAML 规则包以 `pack:` 或 `rules:` 这样的键开头；请确认路径指向的是规则包
load-outside = 规则包 { $path } 在仓库 { $boundary } 以外
load-outside-help = 配置文件引用的规则包必须在配置文件所在的仓库里（所在的 git 工作区或文件夹）；请把规则包复制进来，如果信得过它，也可以加 --allow-pack-outside
load-table-csv-header = 它的第一行不是表头 `错误写法,正确写法,例外`
load-table-csv-header-help = 表格第一行写表头 `错误写法,正确写法,例外`（第三列可以不要），下面每行一条用语
load-table-yaml-list = 它不是用语列表
load-table-yaml-list-help = 请把表格写成 `- {"{"}phrase: 错误写法, suggest: 正确写法{"}"}` 这样的列表
load-no-builtin = 没有可用的内置规则包
ty-number = 数字
ty-list = 一组数（`counts` 捕获）
ty-date = 日期
ty-text = 文字
ty-condition = 条件
ty-regex-group = 正则表达式分组

## 规则包：读取 DSL 和 YAML、模式、正则表达式、用语表。

build-pack-could-not-read = 规则包无法读取
build-keyword-given-twice = `{ $keyword }` 写了两次
build-keep-one-keyword-line = 只保留一行 `{ $keyword }`
build-pack-has-no-name = 规则包没有名称
build-pack-starts-here = 规则包从这里开始
build-start-file-with-line = 文件第一行请写 `pack "名称"`
build-pack-name-empty = 规则包名称是空的
build-unknown-severity-word = 不认识的严重程度“{ $word }”
build-not-severity = 不是严重程度
build-severity-error-warning-info = 严重程度只能是 `error`（错误）、`warning`（警告）或 `info`（提示）
build-rule-id-has-no = 规则“{ $id }”没有提示语（message）
build-rule-needs-message-line = 这条规则需要一行 `message`
build-add-message-saying-what = 请加上 `message "…"`，说明报告哪里有问题
build-rule-checks-one-thing = 一条规则只检查一件事，而这条规则已经有 `{ $dsl_keyword }` 了
build-second-check = 第二项检查
build-first-check-on-line = 第一项检查在第 { $line } 行；请拆成两条规则
build-match-rule-needs-assert = `match` 规则需要写 `assert`
build-nothing-checked-for-these = 匹配到的内容没有任何检查
build-add-assert-over-captured = 请对捕获的值加上 `assert …`，例如 `assert part <= total`
build-keyword-does-not-go = `{ $keyword }` 不能和 `{ $check }` 一起用
build-not-part-check = 不属于这项检查
build-let-assert-work-on = `let` 和 `assert` 用于 `match` 捕获的值、`match statement` 的数字，或者单独对文档信息使用
build-let-without-assert = 有 `let` 却没有 `assert`
build-add-assert-that-uses = 请加上使用这个值的 `assert …`
build-rule-id-checks-nothing = 规则“{ $id }”什么也不检查
build-rule-has-no-check = 这条规则没有写检查
build-add-one = 请加上以下之一：{ $limit }
build-list-or = { $rest } 或 { $last }
build-bad-count-number = 次数“{ $number }”写得不对
build-not-whole-number-from = 不是从 1 起的整数
build-at-least-n-takes = `at least N` 后面写整数，例如 2
build-unknown-heading-check-other = 不认识的标题检查“{ $other }”
build-not-heading-check = 不是标题检查
build-write-headings-continuous-level = 请写 `headings continuous` 或 `headings level-order`
build-no-terms = 没有用语
build-write-terms-name-table = 请写 `terms {"{"} "法制政府" -> "法治政府" {"}"}`，或指定表格：`terms file "terms.csv"`
build-unknown-digits-check-word = 不认识的数字检查“{ $word }”
build-not-digits-check = 不是数字检查
build-write-digits-mixed-full = 请写 `digits mixed`（半角数字中夹了全角数字）或 `digits fullwidth`（数字用了全角）
build-unterminated-string = 字符串没有结束
build-string-has-no-closing = 这个字符串缺少结尾的 `"`
build-close-string-on-same = 请在同一行内结束字符串；跨多行的文字（示例）请用 """…"""
build-unknown-fact = 没有“{ $fact }”这项文档信息
build-not-document-fact = 不是文档信息
build-document-facts-are-arg = 可用的文档信息有 { $facts }
build-bad-number-pair = 数字“{ $pair }”写得不对
build-too-long-number = 太长了，不能当作数字
build-write-number-with-at = 数字最多写 255 位小数，例如 0.5
build-unknown-function-arg = 没有“{ $name }”这个函数
build-not-function = 不是函数
build-functions-are-known = 可用的函数有 { $known }
build-func-takes-wanted-not = `{ $func }` 需要 { $wanted }，这里写了 { $args } 个
build-wrong-number-arguments = 参数个数不对
build-wants-date-parts = 3 个参数（年、月、日）
build-wants-at-least-one = 至少 1 个参数
build-wants-one = 1 个参数
build-second-keyword = 第二个 `{ $keyword }`
depth-brackets-are-nested-more = 括号嵌套超过了 { $limit } 层
depth-nested-too-deeply-here = 这里嵌套太深
depth-any-all-none-lists = `any`/`all`/`none` 列表、函数调用和括号最多嵌套 { $limit } 层；请把列表拉平，或用 `let` 给表达式的一部分起名
depth-expression-nested-more-than = 这个表达式嵌套超过了 { $limit } 层
depth-too-deep-from-here = 从这里开始太深
depth-expression-may-apply-operators = 表达式最多嵌套 { $limit } 层运算（`a + b + c` 算两层）；请用 `let` 给其中一部分起名再组合
dsl-pack-could-not-read = 规则包无法读取
dsl-pack-file-src-bytes = 规则包文件有 { $src } 字节；超过 { $limit } 字节的文件不予读取
dsl-empty-parse-pack = 规则包解析结果为空
dsl-empty-expression = 表达式是空的
str-string-cannot-end-with = 字符串不能以单独的 `\` 结尾
str-write-for-backslash = 反斜杠本身请写成 `\\`
str-bad-unicode-escape = Unicode 转义写得不对
str-not-character-code = 不是字符编码
str-write-u-hexadecimal-code = 请写成 `\u{"{"}` 十六进制编码 `{"}"}`，例如 `\u{"{"}3000{"}"}`
str-unknown-escape-other = 不认识的转义 `\{ $other }`
str-unknown-escape = 不认识的转义
str-strings-know-t-u = 字符串里可用的转义有 `\"`、`\\`、`\n`、`\t` 和 `\u{"{"}…{"}"}`；反斜杠本身请写成 `\\`
ymod-pack-could-not-read = 规则包无法读取
yaml-pack-file-empty = 规则包文件是空的
yaml-pack-starts-with-name = 规则包以 `pack: 名称` 开头，在 `rules:` 下列出各项检查
yaml-pack-has-no-name = 规则包没有名称
yaml-pack-expected-map = 这里应写 `pack:`
yaml-start-file-with-pack = 文件开头请写 `pack: 名称`
yaml-rule-has-no-id = 有一条规则没有 `id`
yaml-rule = 这条规则
yaml-give-every-rule-stable = 请给每条规则一个固定的编号，例如 `id: three-systems`
yaml-rule-id-has-no = 规则“{ $id }”没有 `message`
yaml-rule-2 = 这条规则
yaml-add-message-with-text = 请加上 `message:`，写明检查结果要显示的提示语
yaml-who-does-not-say = { $who }没有写要检查什么
yaml-rule-3 = 这条规则
yaml-add-one = 请加上以下之一：{ $limit }
yaml-kind-with-companion = `{ $kind }`（及其 `{ $companion }`）
yaml-rule-cannot-both-with = 一条规则不能既是 { $with } 又是 `{ $name }`
yaml-second-kind-check = 第二种检查
yaml-rule-checks-one-thing = 一条规则只检查一件事；请拆成两条规则
yaml-name-does-not-apply = `{ $name }` 不适用于 `{ $kind }` 规则
yaml-not-used-by-kind = 这种规则用不到它
yaml-consistent-rule-needs-on = `consistent` 规则需要写 `on:`，即必须前后一致的那个捕获
yaml-which-capture = 哪个捕获？
yaml-e-g-on-n = 例如模式 `{"{"}n:count{"}"}名干部取得行政执法证` 写 `on: n`
yaml-when-rule-needs-require = `when` 规则需要写 `require:`，即条件满足时必须具备的内容
yaml-then-what = 满足条件后要求什么？
yaml-sections-has-no-list = `sections` 没有 `list:` 列出各部分
yaml-sections-expected-here = 这里应列出各部分
yaml-section-has-no-name = 有一个部分没有 `name`
yaml-section = 这个部分
yaml-name-how-findings-call = `name` 是检查结果里对这个部分的称呼
yaml-unknown-heading-check-other = 不认识的标题检查“{ $other }”
yaml-expected-continuous-level-order = 这里应为 `continuous` 或 `level-order`
yaml-term-list-empty = 用语列表是空的
yaml-no-terms = 没有用语
yaml-list-entries-such-as = 请列出 `- {"{"}phrase: 法制政府, suggest: 法治政府{"}"}` 这样的条目，或用 `file: terms.csv` 指定表格
yaml-term-has-no-key = 有一条用语没有 `{ $key }`
yaml-term = 这条用语
yaml-write-each-term-as = 每条用语写成 `{"{"}phrase: 错误写法, suggest: 正确写法{"}"}`
yaml-unknown-digits-check-aspect = 不认识的数字检查“{ $aspect }”
yaml-expected-mixed-fullwidth = 这里应为 `mixed` 或 `fullwidth`
yaml-scope-names-one-section = 范围只能指一个部分、一个标题或一个部分的正文
yaml-unknown-scope-other = 不认识的范围“{ $other }”
yaml-not-scope = 不是范围
yaml-nothing-look-for = 没有要查找的内容
yaml-matcher-missing-here = 这里缺少要查找的内容
yaml-write-text-regex-pattern = 请写上文字，或 `{"{"}regex: …{"}"}`、`{"{"}pattern: …{"}"}`、`{"{"}any: […]{"}"}`
yaml-list-alone-ambiguous-here = 这里只写一个列表，意思不明确
yaml-one-these-all-them = 是其中之一，还是全部？
yaml-write-any-at-least = 请写 `any: [...]`（至少有一个）或 `all: [...]`（每一个都要有）
yaml-matcher-has-exactly-one = 每项查找内容只能有一个键
yaml-second-key = 第二个键
yaml-combine-matchers-with-all = 多项查找内容请用 `all: [...]` 或 `any: [...]` 组合
yaml-combinator-has-no-matchers = `{ $combinator }` 里没有查找内容
yaml-empty-list = 空列表
yaml-unknown-severity-text = 不认识的严重程度“{ $text }”
yaml-expected-error-warning-info = 这里应为 error、warning 或 info
yaml-what-must-whole-number = { $what } 必须是不小于 1 的整数
yaml-found-node = 实际是{ $node }
yaml-what-must-expected = { $what } 应是{ $expected }
yaml-found-node-2 = 实际是{ $node }
yaml-keys-what-are-words = { $what } 的键应是词
yaml-found-key = 实际是{ $key }
yaml-unknown-key-name-what = { $what } 里不认识的键“{ $name }”
yaml-unknown-key = 不认识的键
yaml-allowed-here = 这里可以写：{ $allowed }
yaml-name-written-twice = `{ $name }` 写了两次
yaml-second-time = 第二次
yaml-did-you-mean-candidate = 是不是要写 `{ $candidate }`？
pattern-what-too-big-compiled = 这个{ $what }太大了：编译后会超过 { $limit } MB
pattern-what-too-big = { $what }太大
pattern-large-counted-repetitions-multiply = 较大的重复次数（`{"{"}1000{"}"}`）会成倍增加它的大小；请写短一些，或拆成几条规则
pattern-counts-capture-must-end = `counts` 捕获必须在模式末尾，或者后面紧跟字面文字
pattern-where-should-these-counts = 这组数到哪里为止？
pattern-write-text-that-follows = 请写出这组数后面的文字，例如 `{"{"}parts:counts(人){"}"}。`，或者让模式在这里结束
pattern-pattern-does-not-compile = 这个模式无法编译（技术细节：{ $err }）
pattern-label = 模式
pattern-pattern-matches-empty-text = 这个模式会匹配空文字
pattern-everything-here-optional = 这里的内容全是可有可无的
pattern-pattern-needs-literal-text = 模式里需要有字面文字，或者有一个不可省略的捕获
pattern-unclosed-pattern = 模式里的 `{"{"}` 没有闭合
pattern-has-no-matching = 这个 `{"{"}` 没有对应的 `{"}"}`
pattern-close-placeholder-with-write = 请用 `{"}"}` 结束占位符；要写字面的 `{"{"}`，请写成 `{"{"}{"{"}`
pattern-unmatched-pattern = 模式里有多余的 `{"}"}`
pattern-no-opens = 前面没有与之对应的 `{"{"}`
pattern-write-for-literal = 要写字面的 `{"}"}`，请写成 `{"}"}{"}"}`
pattern-pattern-stays-inside-one = 一个模式只能在一个句子之内
pattern-sentence-end-middle-pattern = 模式中间出现了句末标点
pattern-sentence-end-may-only = 句末标点只能是模式的最后一个字符；请每个句子写一条规则
pattern-empty-placeholder-pattern = 模式里有空的占位符
pattern-nothing-between-braces = 花括号之间什么也没有
pattern-write-for-gap-name = 请用 `{"{"}…{"}"}` 表示任意文字，`{"{"}名字:类型{"}"}` 表示捕获，`{"{"}甲|乙{"}"}` 表示几种写法之一
pattern-capture-without-name = 捕获没有名字
pattern-name-missing-before = `:` 前面缺少名字
pattern-name-capture-e-g = 请给捕获起个名字，例如 `{"{"}total:count{"}"}`，以便 assert 使用
pattern-name-not-capture = “{ $name }”不能用作捕获的名字
pattern-letters-digits-only-not = 只能用字母、数字和 `_`，不能以数字开头
pattern-use-short-ascii-name = 请用简短的英文名字，例如 `total`、`ok`、`rate`
pattern-unknown-capture-type-written = 不认识的捕获类型“{ $written_type }”
pattern-not-capture-type = 不是捕获类型
pattern-capture-types-are-ype = 可用的捕获类型有：{ $ype }
pattern-capture-name-defined-twice = 捕获“{ $name }”定义了两次
pattern-second-capture-with-name = 同名的第二个捕获
pattern-give-each-capture-pattern = 一个模式里的每个捕获要各起一个名字
pattern-capture-trimmed-has-no = 捕获“{ $trimmed }”没有写类型
pattern-type-missing = 缺少类型
pattern-write-trimmed-count-another = 请写成 `{"{"}{ $trimmed }:count{"}"}`（或其他类型：{ $ype }）；几种字面写法之一请写 `{"{"}甲|乙{"}"}`
pattern-empty-alternative-pattern = 模式里有空的可选写法
pattern-alternative-here-empty = 这里有一种写法是空的
pattern-make-alternatives-optional-write = 要让这几种写法可有可无，请在花括号后加 `?`：`{"{"}达|为{"}"}?`
pattern-pattern-stays-inside-one-2 = 一个模式只能在一个句子之内
pattern-alternative-contains-sentence-end = 有一种写法里含有句末标点
pattern-invalid-regex-err = 正则表达式写得不对（技术细节：{ $err }）
pattern-regex = 这个正则表达式
pattern-invalid-regex-message = 正则表达式写得不对（技术细节：{ $message }）
terms-empty-phrase-term-list = 用语列表里有空的用语
terms-empty-phrase = 空的用语
terms-write-wrong-phrase-look = 请写上要查找的错误写法
terms-no-replacement-for-phrase = “{ $phrase }”没有写正确写法
terms-empty-replacement = 正确写法是空的
terms-write-right-form-forbid = 请写上正确写法；只禁止、不给替换的写法请用 `forbid` 规则
terms-replacement-phrase-itself = “{ $phrase }”的正确写法就是它本身
terms-same-as-phrase = 与错误写法相同
terms-write-right-form-which = 请写上与错误写法不同的正确写法
terms-empty-exception = 空的例外
terms-empty-unless-text = `unless` 的文字是空的
terms-write-text-around-phrase = 请写上使这个用语正确的上下文，或者删掉这条例外
terms-phrase-listed-twice = 用语“{ $phrase }”列了两次
terms-listed-again-here = 这里又列了一次
terms-keep-one-entry-per = 每个用语只保留一条
terms-replacement-entry-holds-other = 正确写法“{ $entry }”里含有列表中的另一个用语“{ $other }”
terms-would-flagged-again-after = 改正后又会被标出
terms-correct-replacement-give-other = 请改正这个正确写法，或者给另一条加上能涵盖它的 `unless`
terms-term-table-empty = 用语表是空的
terms-no-header-row = 没有表头
terms-start-table-with-header = 表格第一行写表头 `错误写法,正确写法,例外`，下面每行一条用语
terms-first-row-term-table = 用语表的第一行必须是表头
terms-not-header = 不是表头 `错误写法,正确写法,例外`
terms-start-table-with-row = 表格第一行请写 `错误写法,正确写法,例外`（第三列可以不要）
terms-term-row-has-cells = 这一行用语有 { $cells } 列，应为 2 列或 3 列
terms-row = 这一行
terms-unclosed-quote-term-table = 用语表里有没闭合的引号
terms-quote-not-closed = 这个引号没有闭合
terms-close-quoted-field-with = 请用 `"` 结束带引号的单元格；单元格里的引号写成 `""`
terms-text-after-closing-quote = 用语表里结束引号后面还有文字
terms-expected-end-row = 这里应为 `,` 或行末
terms-quote-whole-field-writing = 请给整个单元格加引号，里面的引号写成 `""`
ynode-document-file-src-bytes = { $document } 文件有 { $src } 字节；超过 { $limit } 字节的文件不予读取
ynode-document-exceeds-safety-limit = { $document } 超过了安全上限：{ $what }
ynode-limit-reached-here = 在这里达到上限
ynode-invalid-yaml-message = YAML 格式有误（技术细节：{ $message }）
kterms-term-list-cannot-searched = 用语列表无法用于查找（技术细节：{ $e }）
kstat-unknown-statement-kind-check = 没有“{ $check }”这种表述类型
match-kind-takes-pattern-regex = 这种规则要写一个模式或正则表达式，或用 `any` 列出几个；`all` 和 `none` 没有单独一处匹配可以读取数值

## YAML 的安全上限。

ynode-pack = 规则包
ynode-configuration = 配置文件
ynode-pack-limit-help = 规则包都不大；锚点和别名（`&name`、`*name`）可以共用一项查找内容，但不能让文档成倍膨胀
ynode-configuration-limit-help = 配置文件都不大；锚点和别名（`&name`、`*name`）可以共用一个值，但不能让文档成倍膨胀

## YAML 规则包和配置文件：各处应写内容的名称。

yaml-words-1 = 规则编号到严重程度的对照
yaml-words-2 = `overrides` 里的规则编号
yaml-words-3 = 规则列表（`- id: …`）
yaml-words-4 = 部分列表
yaml-words-5 = `{"{"}name: …, heading: …{"}"}` 的列表
yaml-words-6 = `{"{"}phrase: …, suggest: …{"}"}` 的列表，或带 `file:` 和 `list:` 的对照
yaml-words-7 = 用语列表
yaml-words-8 = `{"{"}phrase: …, suggest: …{"}"}` 的列表
yaml-words-9 = 用语表
yaml-words-10 = 用语表
yaml-words-11 = `{"{"}phrase: …, suggest: …{"}"}` 对照的列表
yaml-words-12 = `true`，或带 `allow:` 的对照
yaml-words-13 = 名字到表达式的对照（`let: {"{"}computed: ok / total{"}"}`）
yaml-words-14 = 表达式
yaml-words-15 = 范围可以是 `document`、`paragraph`、`sentence`、`title`、`body`、`{"{"}section: …{"}"}`、`{"{"}heading: …{"}"}` 或 `{"{"}body_of_section: …{"}"}`
yaml-words-16 = 要查找的文字
yaml-words-17 = 查找内容的列表
yaml-words-18 = 示例
yaml-words-19 = `pass:` 和 `fail:` 示例文字列表
yaml-words-20 = 严重程度
yaml-words-21 = error、warning、info 之一
yaml-words-22 = true 或 false
yaml-words-23 = 对照（`键: 值` 的若干行）
yaml-words-24 = 一条规则
yaml-words-25 = 一条规则
yaml-words-26 = 文字
yaml-words-27 = 空值
yaml-words-28 = true/false
yaml-words-29 = 数字
yaml-words-30 = 列表
yaml-words-31 = 对照（`键: 值`）
yaml-words-32 = 一个部分
yaml-words-33 = 一个部分
yaml-words-34 = 一条用语
yaml-words-35 = 一条用语
yaml-words-36 = 配置文件
yaml-words-37 = 配置文件
yaml-words-38 = 一项 override
yaml-words-39 = 一项 override
yaml-words-40 = 一项 suppress
yaml-words-41 = 一项 suppress
yaml-words-42 = 一项查找内容
yaml-words-43 = 一项查找内容
yaml-words-44 = 范围
yaml-words-45 = 范围
yaml-words-46 = 别名展开后文字太多
yaml-words-47 = 别名嵌套太深
yaml-words-48 = 别名太多
yaml-words-49 = 锚点太多
yaml-words-50 = 列表和对照嵌套太深
yaml-words-51 = 一个规则包文件只能有一个 YAML 文档
yaml-words-52 = 值太多
yaml-words-53 = 文件太大
yaml-words-54 = 规则
yaml-words-55 = 文件匹配式
yaml-words-56 = 规则编号
yaml-words-rule-id = 规则“{ $id }”
yaml-modifier-scope = `scope` 只用于 require、forbid、match 和 when 规则
yaml-modifier-min = `min` 只用于 require 和 when 规则
yaml-modifier-unless = `unless` 和 `suggest` 只用于 forbid 规则
yaml-modifier-let = `let` 只用于 match、statement 和 assert 规则
yaml-modifier-subject = `subject` 只用于 statement 规则
yaml-modifier-on = `on` 只用于 consistent 规则

## 其他。

pattern-regex-detail = 技术细节：{ $detail }
ynode-here = 这里
diag-help = 提示：
packerr-many-errors = { $pack }：规则包里有 { $count } 处错误（只显示前 { $shown } 处）
packerr-errors = { $pack }：规则包里有 { $count } 处错误
diag-error = 错误：

## 进度条和带批注的 Word 副本（--annotate）。

progress-checking = 正在检查 { $pos }/{ $len } 个文件
annotate-changed = 文档在检查之后又改动过；请重新检查
annotate-no-namespace = word/document.xml 没有声明 WordprocessingML 命名空间 `w`；无法添加批注
annotate-no-part = 压缩包里没有 { $part }
annotate-cannot-inflate = 无法解压 { $part }（技术细节：{ $detail }）
annotate-not-utf8 = { $part } 不是 UTF-8 编码的 XML
annotate-no-end = { $part } 没有结尾的 { $end }
annotate-cannot-write = 无法写出带批注的副本（技术细节：{ $detail }）

## serve：服务程序的提示，以及在网页上传的规则包。

serve-listening = reportlint serve：正在 { $url } 提供服务
serve-running = 共 { $rules } 条规则；上传的报告只在内存中检查，不会保存；按 Ctrl+C 停止
serve-pack-failed = 有规则包没能加载；缺少部分规则时服务不会启动
serve-no-rules = 没有可运行的规则（规则包都是空的，或者规则都被排除了）；什么也不检查，不能算通过
serve-no-browser = 无法打开浏览器（{ $error }）；请自己打开 { $url }
serve-cannot-listen = 无法在 { $address } 上监听：{ $error }
serve-no-address = 无法确定监听的地址：{ $error }
serve-open-to-network = 在 { $host } 上监听，凡是能连到本机的电脑都能访问：那里的任何人都可以上传报告来检查；网页要用地址（或 --allow-host 给出的名字）打开
serve-stopped = 服务停止了：{ $error }
serve-pack-no-extends = 上传的规则包不能引用（extends）或停用（disable）其他规则包
serve-not-in-page = 网页上不能这样用
serve-pack-no-extends-help = 请上传自己写出全部规则的规则包；`extends` 要读取其他文件，服务程序处理请求时从不读取文件
serve-pack-no-overrides = 上传的规则包不能修改其他规则包的规则
serve-pack-no-term-file = 上传的规则包不能读取用语表文件
serve-a-file = 这是一个文件
serve-pack-no-term-file-help = 请把用语直接写在规则里

# 计算出的年份、分项的单位、以百分点计的误差、可能除以零的除法。
val-year-facts-only = `year(…)` 里只能用报告中的事实
val-year-not-a-fact = 这不是报告中的事实
val-year-facts-help = 请用报告中的事实写出年份，例如 `year(report.year + 1)`；可用的事实有：{ $facts }
val-counts-unit-needs-capture = `counts(={ $name })` 要求本模式中有一个名为“{ $name }”的计数、金额或数字捕获
val-counts-unit-label = 以谁的单位为准？
val-counts-unit-help = 写出各项应与之同一单位的那个捕获，例如 `{"{"}total:count{"}"}件{"{"}…{"}"}{"{"}parts:counts(=total){"}"}`
build-points-plain-number = `points` 前面应写一个不带 % 的数字，表示百分点
build-points-label = 百分点
build-points-help = 写作 `within 0.5 points`（相差不超过 0.5 个百分点）或 `within 1% relative`（相对误差）
warn-division-may-be-zero = 这里的“{ $divisor }”可能为 0：遇到这样的报告，这条规则就无法计算
warn-division-label = 除数可能为 0
warn-division-in-let-help = `let` 在各项断言之前计算；请把除法放进断言，并在前面加上判断，例如 `assert { $divisor } == 0 or rate ~= part / { $divisor } within 1%`（`or` 左边成立时，右边不再计算）
warn-division-help = 请在除法前加上判断：`{ $divisor } == 0 or …`（`or` 左边成立时，右边不再计算，也就不会除以 0）
warn-pack-line = 警告：{ $file }:{ $line }:{ $column }：{ $message }
warn-pack-help = 提示：{ $help }
