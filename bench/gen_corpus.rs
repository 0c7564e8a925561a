//! Writes a deterministic corpus of synthetic 法治政府建设年度报告 for benchmarks.
//!
//! `cargo run --release --example gen_corpus -- DIR [N] [SEED]` writes N reports (default
//! 20 000, about 10 KB each) as `DIR/NNN/report-NNNNNN.txt`, 1 000 to a folder. The same N and
//! SEED always give byte-identical files. Reports are assembled from the phrase tables below
//! (written for this generator): a title, sometimes a metadata table, an opening paragraph,
//! three to four parts with headings in varied styles (一、 / （一） / 1. / 1、), sentences with
//! counts, rates (about one in six computed wrong), approximate figures, dates, and the usual
//! slips of real reports (第一职责人, 法法治, half-width commas, 1、 headings) at low rates.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

/// SplitMix64: small, fast and fully determined by its seed.
struct Prng(u64);

impl Prng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PLACES: &[&str] = &[
    "青川县",
    "临河区",
    "东岭镇",
    "南湖街道",
    "西坪乡",
    "北塘县",
    "白石镇",
    "长乐区",
    "柳林乡",
    "云溪街道",
    "市司法局",
    "市生态环境局",
    "县市场监督管理局",
    "区人力资源和社会保障局",
    "县自然资源局",
    "镇人民政府",
    "区交通运输局",
    "县卫生健康委员会",
];

const OPENINGS: &[&str] = &[
    "{y}年，{p}在上级党委政府的领导下，围绕法治政府建设目标任务，扎实推进依法行政各项工作，现将有关情况报告如下：",
    "{y}年以来，{p}坚持把法治政府建设作为全局性、基础性工作来抓，对照年度工作要点逐项落实，取得了阶段性成效。现报告如下：",
    "按照上级关于报送年度法治政府建设情况的通知要求，{p}对{y}年工作进行了认真梳理，具体情况如下。",
];

const TOP_HEADINGS: &[&str] = &["主要举措和成效", "主要工作开展情况", "工作推进情况及成效"];
const WEAK_HEADINGS: &[&str] = &["存在的不足和原因", "存在的问题", "工作中的短板和不足"];
const NEXT_HEADINGS: &[&str] = &["{n}年工作打算", "下一步工作思路", "下一年度工作安排"];
const FIRST_DUTY_HEADINGS: &[&str] = &[
    "党政主要负责人履行推进法治建设第一责任人职责情况",
    "主要负责人履职情况",
];

const SUB_HEADINGS: &[&str] = &[
    "加强组织领导，压实工作责任",
    "规范行政决策，提升决策质量",
    "严格规范执法，推进执法公开",
    "强化权力监督，规范权力运行",
    "深化普法宣传，营造法治氛围",
    "化解矛盾纠纷，维护社会稳定",
    "推进政务公开，保障知情权利",
    "加强队伍建设，提升法治素养",
    "优化营商环境，服务市场主体",
    "规范文件管理，严格备案审查",
];

/// Sentences with slots: {a} {b} {c} counts, {r} a rate, {d} a date, {y} the report year.
const BODY: &[&str] = &[
    "全年召开党委（党组）会议专题研究法治政府建设工作{a}次，听取工作汇报{b}次。",
    "主要负责人带头学法，组织集中学法{a}场次，参学人员{b}人次。",
    "严格落实行政执法三项制度，全年公示执法信息{a}条，制作执法全过程记录{b}份。",
    "对{a}件重大行政决策事项全部进行合法性审查，提出审查意见{b}条。",
    "共审核行政规范性文件{a}件，报送备案{a}件，备案率100%。",
    "全年受理行政复议案件{a}件，办结{b}件，办结率{r}。",
    "共受理矛盾纠纷{a}件，调解成功{b}件，调解成功率{r}。",
    "发生行政诉讼案件{a}件，负责人出庭应诉{b}件，出庭应诉率{r}。",
    "受理信访事项{a}件，已化解{b}件，化解率{r}。",
    "开展“法律进乡村”“法律进社区”活动{a}场，发放宣传资料{c}份。",
    "聘请法律顾问{a}名，审查合同{b}份，参与处理涉法事务{c}件。",
    "全镇{a}个行政村均已配备法律明白人，覆盖率达{r}。",
    "现有持证执法人员{a}名，{b}名行政执法人员已取得行政执法证。",
    "{d}，组织开展依法行政专题培训，邀请专家讲授《中华人民共和国行政处罚法》。",
    "通过政府网站主动公开政府信息{c}条，办理依申请公开{a}件，均在法定期限内答复。",
    "落实“谁执法谁普法”普法责任制，制定年度普法责任清单{a}项。",
    "全年开展执法检查{a}次，出动执法人员约{c}人次，查处违法行为{b}起。",
    "完成“放管服”改革事项{a}项，政务服务事项网上可办率{r}。",
    "组织行政执法案卷评查，共评查案卷{a}卷，优秀率{r}。",
    "坚持依法依规开展征收工作，涉及群众{c}户，未发生群体性事件。",
];

const WEAKNESS: &[&str] = &[
    "一是部分干部法治意识有待增强，运用法治思维解决问题的能力不足。",
    "二是执法队伍力量薄弱，专业执法人员偏少，年龄结构老化。",
    "三是普法宣传形式较为单一，针对性和实效性还不够强。",
    "四是基层法治建设保障经费有限，信息化水平不高。",
    "主要原因是对法治政府建设的重要性认识不到位，培训投入不足。",
    "究其原因，一方面是工作任务繁重，另一方面是考核激励机制还不健全。",
];

const PLANS: &[&str] = &[
    "一是持续加强学习，把习近平法治思想纳入理论学习中心组学习内容。",
    "二是健全依法决策机制，严格落实重大行政决策法定程序。",
    "三是深入推进严格规范公正文明执法，全面落实行政执法三项制度。",
    "四是加强普法宣传教育，推动“八五”普法规划各项任务落地见效。",
    "五是加强法治队伍建设，提高依法行政能力和水平。",
];

/// Slips that real reports contain, spliced in at low rates.
const SLIPS: &[&str] = &[
    "严格落实党政主要负责人第一职责人职责。",
    "扎实推进法法治政府建设各项工作。",
    "加强法制宣传教育,提高群众法律意识。",
    "全年共化解纠纷超过300余件。",
    "制定规范文件的审核流程。",
    "开展2023-2024年度执法评议。",
    "组织学习《法治政府建设实施纲要（2021—2025年）》的通知》。",
];

const CN_ORDINALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen_corpus DIR [N] [SEED]");
        std::process::exit(2);
    };
    let count: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2024);
    let mut bytes = 0usize;
    for i in 0..count {
        let mut rng = Prng(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let text = report(&mut rng);
        bytes += text.len();
        let folder = dir.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            if let Err(e) = std::fs::create_dir_all(&folder) {
                eprintln!("cannot create {}: {e}", folder.display());
                std::process::exit(2);
            }
        }
        let path = folder.join(format!("report-{i:06}.txt"));
        let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = written {
            eprintln!("cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
    }
    println!(
        "wrote {count} reports, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}

fn report(rng: &mut Prng) -> String {
    let year = rng.range(2019, 2024);
    let place = rng.pick(PLACES);
    let mut out = String::with_capacity(12 * 1024);
    let _ = writeln!(out, "{place}{year}年法治政府建设年度报告");
    if rng.chance(30) {
        let _ = writeln!(
            out,
            "[索引号] {}-{:04}-{:02}\n[发布机构] {place}\n[发布日期] {}年{}月{}日",
            rng.range(11_000_000, 99_999_999),
            year + 1,
            rng.range(1, 99),
            year + 1,
            rng.range(1, 3),
            rng.range(1, 28)
        );
    }
    let opening = rng.pick(OPENINGS);
    let _ = writeln!(out, "{}", fill(opening, rng, year, place));

    // The heading style of the whole report: real reports keep one, some slip.
    let sub_style = rng.range(0, 3);
    let mut parts: Vec<(String, Vec<String>)> =
        vec![(rng.pick(TOP_HEADINGS).to_string(), Vec::new())];
    if rng.chance(70) {
        parts.push((rng.pick(FIRST_DUTY_HEADINGS).to_string(), Vec::new()));
    }
    parts.push((
        rng.pick(WEAK_HEADINGS).to_string(),
        WEAKNESS.iter().map(|s| s.to_string()).collect(),
    ));
    let next = rng
        .pick(NEXT_HEADINGS)
        .replace("{n}", &(year + 1).to_string());
    parts.push((next, PLANS.iter().map(|s| s.to_string()).collect()));

    let mut body_target = 10 * 1024;
    for (index, (heading, fixed)) in parts.iter().enumerate() {
        let _ = writeln!(out, "{}、{heading}", CN_ORDINALS[index % CN_ORDINALS.len()]);
        if !fixed.is_empty() {
            for line in fixed {
                out.push_str(line);
            }
            out.push('\n');
            continue;
        }
        let subsections = rng.range(4, 7) as usize;
        for sub in 0..subsections {
            let title = rng.pick(SUB_HEADINGS);
            let marker = match sub_style {
                0 => format!("（{}）", CN_ORDINALS[sub % CN_ORDINALS.len()]),
                1 => format!("{}.", sub + 1),
                2 => format!("{}、", sub + 1),
                _ => format!("({})", CN_ORDINALS[sub % CN_ORDINALS.len()]),
            };
            let _ = writeln!(out, "{marker}{title}");
            let paragraphs = rng.range(2, 3);
            for _ in 0..paragraphs {
                let sentences = rng.range(3, 7);
                for _ in 0..sentences {
                    let s = rng.pick(BODY);
                    out.push_str(&fill(s, rng, year, place));
                    if rng.chance(4) {
                        out.push_str(rng.pick(SLIPS));
                    }
                }
                out.push('\n');
                if out.len() > body_target {
                    break;
                }
            }
        }
        // Keep the first part from eating the whole size budget.
        body_target += 512;
    }
    let _ = writeln!(
        out,
        "\n{place}\n{}年{}月{}日",
        year + 1,
        rng.range(1, 3),
        rng.range(1, 28)
    );
    out
}

/// Fill a sentence's slots. Rates are computed from {a} and {b} and are wrong now and then.
fn fill(template: &str, rng: &mut Prng, year: u64, place: &str) -> String {
    let a = rng.range(5, 400);
    let b = rng.range(a / 2, a);
    let c = rng.range(100, 60_000);
    let rate = if rng.chance(16) {
        format!("{:.1}%", rng.range(60, 130) as f64 + 0.5)
    } else if b == a {
        "100%".to_string()
    } else {
        format!("{:.1}%", b as f64 * 100.0 / a as f64)
    };
    let date = format!("{year}年{}月{}日", rng.range(1, 12), rng.range(1, 28));
    let count = |n: u64, rng: &mut Prng| -> String {
        match rng.range(0, 9) {
            0 => format!("{n}余"),
            1 if n <= 10 => CN_ORDINALS
                .get(n as usize - 1)
                .copied()
                .unwrap_or("三")
                .to_string(),
            2 if n >= 1000 => format!("{},{:03}", n / 1000, n % 1000),
            _ => n.to_string(),
        }
    };
    let a_text = count(a, rng);
    let b_text = b.to_string();
    let c_text = if c >= 10_000 && rng.chance(30) {
        format!("{:.1}万", c as f64 / 10_000.0)
    } else {
        count(c, rng)
    };
    template
        .replace("{a}", &a_text)
        .replace("{b}", &b_text)
        .replace("{c}", &c_text)
        .replace("{r}", &rate)
        .replace("{d}", &date)
        .replace("{y}", &year.to_string())
        .replace("{p}", place)
}
