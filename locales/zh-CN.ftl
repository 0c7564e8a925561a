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
