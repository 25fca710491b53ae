"""The Chinese catalogue of :mod:`chaingraph.messages`: English template -> Chinese template.

Placeholders are the English template's (``tests/test_messages.py`` checks both ways); names, ids, file names,
column names and values in them are data and are shown as written, and so are option names, commands and
environment variables. Plural markers (``{s}``) have no Chinese counterpart. ``NOUNS_ZH`` translates the words a
message takes as a parameter (:func:`chaingraph.messages.noun`).
"""

from __future__ import annotations

from .labels import EVENT_LABELS

__all__ = ["ZH", "NOUNS_ZH"]

NOUNS_ZH: dict[str, str] = {
    "chain": "产业链", "segment": "环节", "region": "地区", "firm": "企业", "group": "集团", "source": "来源",
    "project": "项目", "region fact": "地区数据", "region_fact": "地区数据", "park": "园区",
    "file": "文件", "CSV file": "CSV 文件", "YAML file": "YAML 文件", "news article": "新闻稿",
    "proposed-facts file": "待合并事实文件", "a chain file": "产业链文件", "a segment": "环节",
    "a supply edge": "供应关系", "a region": "地区", "dataset.yaml": "dataset.yaml",
    "regions.yaml": "regions.yaml", "an fx_rates entry": "fx_rates 条目", "a coverage entry": "coverage 条目",
    "size": "规模", "kind": "类型", "status": "状态", "event": "事件", "citation": "引证",
}
NOUNS_ZH.update({EVENT_LABELS["en"][kind]: EVENT_LABELS["zh"][kind] for kind in EVENT_LABELS["en"]})
NOUNS_ZH.update({kind: EVENT_LABELS["zh"][kind] for kind in EVENT_LABELS["zh"]})  # the codes, as events.csv writes them

ZH: dict[str, str] = {
    # errors.py, the command line
    "dataset {root} has {count} problem{s}": "数据集 {root} 有 {count} 个问题",
    "invalid dataset": "数据集无效",
    "wrote {path}": "已写入 {path}",
    "wrote {path} ({kib} KiB)": "已写入 {path}（{kib} KiB）",
    "not found": "未找到",
    "{path}: {count} problem{s}": "{path}：{count} 个问题",
    "{path}: {count} problem{s} and {warned} warning{s2}": "{path}：{count} 个问题，{warned} 个警告",
    "--dataset applies only with --backend neo4j": "--dataset 只能与 --backend neo4j 一起使用",
    "dataset {dataset!r}": "数据集 {dataset!r}",
    "every chaingraph dataset": "所有 chaingraph 数据集",
    "this deletes {what} from Neo4j; add --yes to do it": "此操作会从 Neo4j 删除{what}；确认请加 --yes",
    "give the PROPOSED facts file (or --undo)": "请给出待合并的事实文件 PROPOSED（或用 --undo）",
    "--undo takes no PROPOSED file": "--undo 不接受 PROPOSED 文件",
    "--all draws every chain; leave out --chain and --segment": "--all 绘制所有产业链；请去掉 --chain 和 --segment",
    "say which map: --chain CHAIN, --all, or --segment SEGMENT":
        "请指明要哪张图：--chain 产业链、--all 或 --segment 环节",
    "give one --segment for all firms, or one --segment per --land":
        "请给一个 --segment 用于所有企业，或每个 --land 各给一个 --segment",
    "--no-reference applies only with --classify": "--no-reference 只与 --classify 一起使用",
    "say which dataset folder to change: chaingraph --data my-city/ import ... (the bundled dataset is read-only)":
        "请指明要修改的数据集文件夹：chaingraph --data my-city/ import ...（内置数据集只读）",
    "xlsx is a binary file: not written to a terminal; use -o FILE.xlsx or redirect (> FILE)":
        "xlsx 是二进制文件，不输出到终端；请用 -o 文件.xlsx 或重定向（> 文件）",
    "cannot show {record!r}": "无法显示 {record!r}",
    "nothing in the dataset matches {name!r}": "数据集中没有与 {name!r} 匹配的内容",
    # analysis, api
    "--until {end} is before --since {start}": "--until {end} 早于 --since {start}",
    "--as-of/--since: {exc}": "--as-of/--since：{exc}",
    "--until {end} must come after --as-of {start}": "--until {end} 必须晚于 --as-of {start}",
    "segment {segment_id!r} is not in chain {id}": "环节 {segment_id!r} 不属于产业链 {id}",
    "firm {text!r} matches {found_count} firms: {id}; give its id":
        "企业 {text!r} 匹配到 {found_count} 家企业：{id}；请给出企业 id",
    "unknown backend {backend!r}; choose one of {BACKENDS}": "未知的后端 {backend!r}；可选：{BACKENDS}",
    "a Neo4j dataset id applies only with backend='neo4j'": "Neo4j 数据集 id 只能与 backend='neo4j' 一起使用",
    # dataset/journal.py, locking.py, writer.py
    "cannot replace {root}: {strerror} (is it open in another program?); nothing was changed":
        "无法替换 {root}：{strerror}（是否在其他程序中打开？）；未做任何修改",
    "cannot write in {root}: {strerror}": "无法在 {root} 中写入：{strerror}",
    "cannot write {root}: {strerror}": "无法写入 {root}：{strerror}",
    "cannot stage the change of {root}: {strerror}": "无法准备对 {root} 的修改：{strerror}",
    "cannot write in {root}: {strerror}; nothing was changed": "无法在 {root} 中写入：{strerror}；未做任何修改",
    "{journal}: unreadable change journal; move it away to use the dataset as it is":
        "{journal}：修改日志无法读取；将其移走即可按现状使用数据集",
    "{root}: a change was interrupted and cannot be finished or undone ({failed}: {strerror}; undo: {strerror2}); "
    "close the programs that hold files of the folder open and run any chaingraph command on it again":
        "{root}：一次修改被中断，既无法完成也无法撤销（{failed}：{strerror}；撤销：{strerror2}）；"
        "请关闭打开了该文件夹中文件的程序，再对它运行任一 chaingraph 命令",
    "is not a folder": "不是文件夹",
    "dataset folder does not exist": "数据集文件夹不存在",
    "cannot lock {root}: {strerror}": "无法锁定 {root}：{strerror}",
    " ({holder}, since {since})": "（{holder}，始于 {since}）",
    " (since {since})": "（始于 {since}）",
    "dataset {root} is being changed by another process{holder}; try again, or wait longer with --wait SECONDS":
        "数据集 {root} 正被另一个进程修改{holder}；请稍后再试，或用 --wait 秒数 等待更久",
    "cannot write {given}: {strerror}": "无法写入 {given}：{strerror}",
    "cannot write {target}: {strerror}": "无法写入 {target}：{strerror}",
    "cannot write {path}: {strerror}": "无法写入 {path}：{strerror}",
    # dataset/model.py, params.py
    "{text!r} is not yes or no": "{text!r} 不是“是”或“否”",
    "{text!r} is not an amount: write e.g. '34000000 USD', '~75000000 USD', '>=700000000 CNY' or '3400万美元'":
        "{text!r} 不是金额：请写成如 '34000000 USD'、'~75000000 USD'、'>=700000000 CNY' 或 '3400万美元'",
    "{text!r} is not a valid id (lowercase letters, digits and '-', at most 64)":
        "{text!r} 不是有效的 id（小写字母、数字和 '-'，最多 64 个字符）",
    "{text!r} is not an amount": "{text!r} 不是金额",
    "{text!r} is not a date": "{text!r} 不是日期",
    "{text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or YYYY-MM-E/M/L":
        "{text!r} 不是日期：请写成 YYYY、YYYY-MM、YYYY-MM-DD、YYYY-Qn、YYYY-Hn 或 YYYY-MM-E/M/L",
    "{text!r} is not a date: year {year} is out of range": "{text!r} 不是日期：年份 {year} 超出范围",
    "{text!r} is not a date: month {month} is out of range": "{text!r} 不是日期：月份 {month} 超出范围",
    "{text!r} is not a date: day {day} is out of range": "{text!r} 不是日期：日 {day} 超出范围",
    "unknown qualifier {qualifier!r}; use one of {QUALIFIERS}": "未知的限定词 {qualifier!r}；可选：{QUALIFIERS}",
    "unit {unit!r} must be one word": "单位 {unit!r} 必须是一个词",
    "{text!r}: inconsistent qualifiers ({qualifiers})": "{text!r}：限定词相互矛盾（{qualifiers}）",
    "{text!r}: bad number": "{text!r}：数字有误",
    "{text!r}: unknown currency {unit!r}; known: {CURRENCIES}": "{text!r}：未知的币种 {unit!r}；已知：{CURRENCIES}",
    "unknown analysis parameter {name!r}; known: {known}": "未知的分析参数 {name!r}；已知：{known}",
    "analysis parameter {name}: {value!r} is not a {type_name}": "分析参数 {name}：{value!r} 不是 {type_name}",
    # dataset/reader.py
    "not valid CSV: {exc}": "不是有效的 CSV：{exc}",
    "a cell is longer than {MAX_CELL_CHARS:,} characters (the limit; docs/input-safety.md): is a quote left open?":
        "有单元格超过 {MAX_CELL_CHARS:,} 个字符（上限，见 docs/input-safety.md）：是否有引号没有闭合？",
    "{count} segments used by links.csv or projects.csv are defined by no chain file ({examples}): a typo, or a "
    "chain file missing from chains/?":
        "links.csv 或 projects.csv 用到的 {count} 个环节没有在任何产业链文件中定义（{examples}）：是拼写错误，"
        "还是 chains/ 中缺了产业链文件？",
    "1 segment used by links.csv or projects.csv is defined by no chain file ({examples}): a typo, or a chain file "
    "missing from chains/?":
        "links.csv 或 projects.csv 用到的 1 个环节没有在任何产业链文件中定义（{examples}）：是拼写错误，"
        "还是 chains/ 中缺了产业链文件？",
    "{what} must be a mapping of fields": "{what}必须是字段映射（字段: 值）",
    "expected a list of {shape}": "应为 {shape} 的列表",
    "expected a mapping of parameter: value": "应为“参数: 值”的映射",
    "folder is missing: one YAML file per chain is expected": "缺少文件夹：每条产业链应有一个 YAML 文件",
    "holds no chain file (*.yaml)": "没有产业链文件（*.yaml）",
    "expected a mapping with a list 'regions'": "应为含列表 'regions' 的映射",
    "supply edges form a cycle: {path}": "供应关系形成了环：{path}",
    "a collection contains itself through an alias (&a [*a]): not supported":
        "集合通过别名包含了自身（&a [*a]）：不支持",
    "is a link to a file outside the dataset folder: refused": "是指向数据集文件夹之外的链接：拒绝读取",
    "key given twice": "键重复出现",
    "file is empty": "文件为空",
    "required column is missing": "缺少必需的列",
    "is required": "必填",
    "expected a list, got {type_name}": "应为列表，实际是 {type_name}",
    "{text} is not one of {options}": "{text} 不是 {options} 之一",
    "unknown country code {text} (use ISO 3166-1 alpha-2, e.g. CN, JP, DE)":
        "未知的国家代码 {text}（请用 ISO 3166-1 两字母代码，如 CN、JP、DE）",
    "unknown country code {code} (use ISO 3166-1 alpha-2, e.g. CN, JP, DE)":
        "未知的国家代码 {code}（请用 ISO 3166-1 两字母代码，如 CN、JP、DE）",
    "{text} is not money: the unit must be a currency ({CURRENCIES})":
        "{text} 不是金额：单位必须是币种（{CURRENCIES}）",
    "{text} is negative": "{text} 是负数",
    "expected a number, got {value}": "应为数字，实际是 {value}",
    "{value} is not a finite number": "{value} 不是有限的数",
    "{value} must be {bound}": "{value} 必须{bound}",
    "greater than {low:g}": "大于 {low:g}",
    "at least {low:g}": "不小于 {low:g}",
    "{value} must be at most {high:g}": "{value} 不能大于 {high:g}",
    "{value} is not a number": "{value} 不是数字",
    "is required: one of {COVERAGE_KINDS}": "必填：{COVERAGE_KINDS} 之一",
    "unknown field; known fields: {known}": "未知字段；已知字段：{known}",
    "unknown field; known fields: {REGIONS_TOP_KEYS}": "未知字段；已知字段：{REGIONS_TOP_KEYS}",
    "chain id {id!r} differs from the file name {stem!r}": "产业链 id {id!r} 与文件名 {stem!r} 不一致",
    "expected a non-empty list of segments": "应为非空的环节列表",
    "expected a list of [from, to] pairs or {{from, to, kind, note}} mappings":
        "应为 [from, to] 对或 {{from, to, kind, note}} 映射的列表",
    "expected [from, to] or {{from, to, kind, note}}, got {type_name}":
        "应为 [from, to] 或 {{from, to, kind, note}}，实际是 {type_name}",
    "{code!r} is not a GB/T 4754-2017 class: write four digits, e.g. '3670'":
        "{code!r} 不是 GB/T 4754-2017 的小类：请写四位数字，如 '3670'",
    "{code!r} is not one of the segment's industry_codes": "{code!r} 不在本环节的 industry_codes 中",
    "{term!r} is not one of the segment's ambiguous_terms": "{term!r} 不在本环节的 ambiguous_terms 中",
    "needs wide_codes: a term narrows one of the segment's wide classes":
        "需要 wide_codes：这些词用来收窄本环节的宽泛行业小类",
    "{role!r} is not one of {ROLES}": "{role!r} 不是 {ROLES} 之一",
    "is empty: write the segment to link the firm to (one of its candidates)": "为空：请填要挂的环节（如候选环节之一）",
    "is required ({REGION_KINDS})": "必填（{REGION_KINDS}）",
    "is required ({TIERS})": "必填（{TIERS}）",
    "id {record_id!r} is already used by a {other} at {where}:{at}": "id {record_id!r} 已被{other}使用（{where}:{at}）",
    "unknown {what} {value!r}": "未知的{what} {value!r}",
    "unknown source {source!r}": "未知的来源 {source!r}",
    "unknown project {project!r}": "未知的项目 {project!r}",
    "link {firm} -> {segment} is given twice": "挂链 {firm} -> {segment} 重复出现",
    "construction starts before the project was signed": "开工日期早于签约日期",
    "coverage of {region} for {chain} is declared twice (first at line {first})":
        "{region} 在 {chain} 上的覆盖范围重复声明（第一次在第 {first} 行）",
    "coverage of {region} is declared twice (first at line {first})":
        "{region} 的覆盖范围重复声明（第一次在第 {first} 行）",
    "a claim needs the source that makes it": "声称需要注明出处",
    "claim {region} {segment} {asserts} by {sources} is given twice":
        "声称 {region} {segment} {asserts}（{sources}）重复出现",
    "unknown record {subject!r}": "未知的记录 {subject!r}",
    "cannot be listed: {strerror}": "无法列出内容：{strerror}",
    "is not read: file names are lower case ({entry})": "未读取：文件名应为小写（{entry}）",
    "is not read: the file must be named {stem}.yaml": "未读取：文件应命名为 {stem}.yaml",
    "is not a dataset file and is not read; did you mean {close}?": "不是数据集文件，未读取；是不是 {close}？",
    "is not a dataset file and is not read; the files read are {files}":
        "不是数据集文件，未读取；会读取的文件有 {files}",
    "same name and country as firm {id} (line {line}): one firm, several links?":
        "与企业 {id}（第 {line} 行）名称和国别相同：是同一家企业的多个挂链吗？",
    "same legal name as firm {id} (line {line}): one firm, several links?":
        "与企业 {id}（第 {line} 行）法定名称相同：是同一家企业的多个挂链吗？",
    "the same tie as line {seen_ties}": "与第 {seen_ties} 行的关联相同",
    "the same citation as line {seen_citations}": "与第 {seen_citations} 行的引用相同",
    "nested deeper than {MAX_YAML_DEPTH} levels (the limit)": "嵌套超过 {MAX_YAML_DEPTH} 层（上限）",
    "a key must be plain text, not a {kind} (complex mapping keys `? ...` are not part of the format)":
        "键必须是普通文本，不能是 {kind}（复杂映射键 `? ...` 不属于本格式）",
    "file is missing": "缺少文件",
    "{exc} (limits: docs/input-safety.md)": "{exc}（上限见 docs/input-safety.md）",
    "cannot be read: {strerror}": "无法读取：{strerror}",
    "not UTF-8 text ({reason} at byte {start})": "不是 UTF-8 文本（第 {start} 字节：{reason}）",
    "its aliases (*name) expand to more than {MAX_YAML_EXPANDED_NODES:,} values (the limit): an alias bomb?":
        "别名（*name）展开后超过 {MAX_YAML_EXPANDED_NODES:,} 个值（上限）：是别名炸弹吗？",
    "not valid YAML: {problem}": "不是有效的 YAML：{problem}",
    "not valid YAML: holds control character U+{character:04X}": "不是有效的 YAML：含控制字符 U+{character:04X}",
    "not valid YAML: cannot be read": "不是有效的 YAML：无法读取",
    "nested too deeply (limit {MAX_YAML_DEPTH} levels)": "嵌套过深（上限 {MAX_YAML_DEPTH} 层）",
    "file is empty: expected a header line": "文件为空：应有表头行",
    "unknown column; known columns: {known_list}": "未知的列；已知的列：{known_list}",
    "column given twice": "列重复出现",
    "more than {MAX_CSV_ROWS:,} rows (the limit): the rest is not read": "超过 {MAX_CSV_ROWS:,} 行（上限）：其余未读取",
    "has {cells_count} cells, the header has {header_count}": "有 {cells_count} 个单元格，表头有 {header_count} 列",
    "expected a list of texts": "应为文本列表",
    "segment {source!r} cannot supply itself": "环节 {source!r} 不能供应自身",
    "{term!r} is already listed in {seen}": "{term!r} 已列在 {seen} 中",
    "edge {source} -> {target} is given twice": "供应关系 {source} -> {target} 重复出现",
    "edge {source} -> {target} is given twice (also in {other})":
        "供应关系 {source} -> {target} 重复出现（{other} 中也有）",
    "regions form a loop: {seen}": "地区形成了环：{seen}",
    "{field} is not a field of {subject_kind} {subject!r}": "{field} 不是{subject_kind} {subject!r} 的字段",
    "a second copy of chains/{name}.yaml: keep one of the two": "chains/{name}.yaml 有第二份：请保留其中一份",
    "is {item_count:,} characters long (names over {MAX_NAME_CHARS} break tables and maps)":
        "长 {item_count:,} 个字符（超过 {MAX_NAME_CHARS} 个字符的名称会撑破表格和地图）",
    "is {value_count:,} characters long (names over {MAX_NAME_CHARS} break tables and maps)":
        "长 {value_count:,} 个字符（超过 {MAX_NAME_CHARS} 个字符的名称会撑破表格和地图）",
    "expected text, got {type_name}": "应为文本，实际是 {type_name}",
    # dataset/store.py
    "unknown {kind} {text!r}; known: {known}": "未知的{kind} {text!r}；已有：{known}",
    "unknown {kind} {text!r}; did you mean {close}?": "未知的{kind} {text!r}；是不是 {close}？",
    "unknown {kind} {text!r}": "未知的{kind} {text!r}",
    "no {kind} given": "没有给出{kind}",
    "{kind} {text!r} is ambiguous: {options}": "{kind} {text!r} 有歧义：{options}",
    # engines
    "Neo4j at {where} refused the login (check {ENV_USERNAME} and {ENV_PASSWORD})":
        "{where} 的 Neo4j 拒绝登录（请检查 {ENV_USERNAME} 和 {ENV_PASSWORD}）",
    "Neo4j at {where} has no database {database!r} (check {ENV_DATABASE}; Community edition has only "
    "{DEFAULT_DATABASE!r})":
        "{where} 的 Neo4j 没有数据库 {database!r}（请检查 {ENV_DATABASE}；社区版只有 {DEFAULT_DATABASE!r}）",
    "Neo4j at {where} does not allow this for the configured user: {detail}":
        "{where} 的 Neo4j 不允许所配置的用户这样做：{detail}",
    "cannot reach Neo4j at {where}: {reason}": "无法连接 {where} 的 Neo4j：{reason}",
    "cannot use {ENV_URI}={where}: {detail}": "无法使用 {ENV_URI}={where}：{detail}",
    "Neo4j at {where} failed: {code}: {detail}": "{where} 的 Neo4j 出错：{code}：{detail}",
    "Neo4j driver error with {where}: {kind}: {detail}": "连接 {where} 时 Neo4j 驱动出错：{kind}：{detail}",
    "cannot tell the Neo4j version from {version!r}": "无法从 {version!r} 判断 Neo4j 版本",
    "Neo4j {version} is too old: chaingraph needs Neo4j {MIN_NEO4J_MAJOR} or later":
        "Neo4j {version} 版本过旧：chaingraph 需要 Neo4j {MIN_NEO4J_MAJOR} 或更新版本",
    "{ENV_URI} is not set: export {ENV_URI}=bolt://localhost:7687 (and {ENV_USERNAME} / {ENV_PASSWORD} if the "
    "server needs a login; {ENV_DATABASE} is optional)":
        "未设置 {ENV_URI}：请 export {ENV_URI}=bolt://localhost:7687（服务器需要登录时还要设置 {ENV_USERNAME} / "
        "{ENV_PASSWORD}；{ENV_DATABASE} 可选）",
    "{ENV_URI}={safe_uri} contains spaces or line breaks: write it as bolt://host:7687":
        "{ENV_URI}={safe_uri} 含有空格或换行：请写成 bolt://host:7687",
    "{ENV_URI}={safe_uri} is not a Bolt URI: use one of {values} (e.g. bolt://localhost:7687)":
        "{ENV_URI}={safe_uri} 不是 Bolt URI：请用 {values} 之一（如 bolt://localhost:7687）",
    "{ENV_URI} must not contain a user or password ({safe_uri}): set {ENV_USERNAME} and {ENV_PASSWORD} instead":
        "{ENV_URI} 不能包含用户名或密码（{safe_uri}）：请改为设置 {ENV_USERNAME} 和 {ENV_PASSWORD}",
    "{ENV_URI}={safe_uri} names no host (e.g. bolt://localhost:7687)":
        "{ENV_URI}={safe_uri} 没有主机名（如 bolt://localhost:7687）",
    "{ENV_URI} must not carry credentials in its query string ({safe_uri}): set {ENV_USERNAME} and {ENV_PASSWORD} "
    "instead":
        "{ENV_URI} 的查询串中不能带凭据（{safe_uri}）：请改为设置 {ENV_USERNAME} 和 {ENV_PASSWORD}",
    "{ENV_URI}={safe_uri} must not have a #fragment": "{ENV_URI}={safe_uri} 不能带 #片段",
    "{ENV_URI}={safe_uri}: bolt:// URIs take no query string (a routing context is for neo4j:// URIs)":
        "{ENV_URI}={safe_uri}：bolt:// URI 不带查询串（路由上下文用于 neo4j:// URI）",
    "{ENV_URI}={safe_uri} is not a valid URI (e.g. bolt://localhost:7687)":
        "{ENV_URI}={safe_uri} 不是有效的 URI（如 bolt://localhost:7687）",
    "{ENV_URI}={safe_uri}: the port is not a number from 0 to 65535 (e.g. bolt://localhost:7687)":
        "{ENV_URI}={safe_uri}：端口不是 0 到 65535 之间的数字（如 bolt://localhost:7687）",
    "{safe_uri} did not report a Neo4j version": "{safe_uri} 没有报告 Neo4j 版本",
    "push of {dataset!r} wrote {nodes} nodes and {relationships} relationships, expected {node_count} and "
    "{relationship_count} (another push running at the same time?); the dataset stays marked incomplete: push again":
        "推送 {dataset!r} 写入了 {nodes} 个节点和 {relationships} 条关系，应为 {node_count} 和 {relationship_count}"
        "（同时有另一次推送在运行？）；该数据集仍标记为不完整：请重新推送",
    "another push of {dataset!r} started while this one ran; push again":
        "本次推送运行期间 {dataset!r} 的另一次推送开始了；请重新推送",
    "dataset {dataset!r} is not in Neo4j at {safe_uri} (datasets there: {known}); run: chaingraph neo4j push":
        "{safe_uri} 的 Neo4j 中没有数据集 {dataset!r}（已有：{known}）；请运行 chaingraph neo4j push",
    "dataset {dataset!r} was pushed to Neo4j again while it was being read; ask again (the new push is read from "
    "now on)":
        "数据集 {dataset!r} 在读取期间又被推送到 Neo4j：请重新查询（此后读取新推送的数据）",
    "dataset {dataset!r} in Neo4j is incomplete (state {state!r}, push started {started_at}); run chaingraph neo4j "
    "push again to complete it":
        "Neo4j 中的数据集 {dataset!r} 不完整（状态 {state!r}，推送开始于 {started_at}）；请再次运行 chaingraph neo4j "
        "push 以补全",
    "firm {text!r} matches {rows_count} firms; give its id": "企业 {text!r} 匹配到 {rows_count} 家企业；请给出企业 id",
    "the push lock of {dataset!r} was taken over by another push (this one was silent for more than "
    "{STALE_AFTER:.0f} s); push again":
        "{dataset!r} 的推送锁被另一次推送接管（本次推送超过 {STALE_AFTER:.0f} 秒无响应）；请重新推送",
    "dataset {dataset!r} is being pushed to Neo4j by another process ({holder}, since {since}); try again when it "
    "is done, or wait longer with --wait SECONDS":
        "数据集 {dataset!r} 正由另一个进程推送到 Neo4j（{holder}，始于 {since}）；请等它完成后再试，"
        "或用 --wait 秒数 等待更久",
    "{root} changed while its snapshot was being compiled; run the command again":
        "编译快照期间 {root} 发生了变化；请重新运行命令",
    "cannot write snapshot {target}: {strerror}": "无法写入快照 {target}：{strerror}",
    "cannot write snapshot {target}: {exc}": "无法写入快照 {target}：{exc}",
    "{exc}; set {CACHE_ENV} to a writable folder": "{exc}；请把 {CACHE_ENV} 设为可写的文件夹",
    "cannot read snapshot {path}: {exc}": "无法读取快照 {path}：{exc}",
    "{exc}; answering without caching (set {CACHE_ENV} to a writable folder to keep it)":
        "{exc}；本次不缓存快照（把 {CACHE_ENV} 设为可写的文件夹即可保留）",
    "as of {as_of}: answered in memory from the dataset files (the {backend} engine keeps only the current state)":
        "截至 {as_of}：由内存中的数据集文件作答（{backend} 引擎只保存当前状态）",
    # limits.py
    "is a folder, not a {what}": "是文件夹，不是{what}",
    "is not a regular file (a device or pipe): refused": "不是普通文件（是设备或管道）：拒绝读取",
    "is {st_size}, over the limit of {limit} for a {what}": "大小 {st_size}，超过{what}的上限 {limit}",
    "is over the limit of {limit} for a {what}": "超过{what}的上限 {limit}",
    # outputs
    "unknown export format {fmt!r}; use one of {FORMATS}": "未知的导出格式 {fmt!r}；可选：{FORMATS}",
    "--since applies to the xlsx, markdown and docx exports only": "--since 只适用于 xlsx、markdown 和 docx 导出",
    "cannot read graph format {fmt!r}; use graphml, gexf or json": "无法读取图格式 {fmt!r}；请用 graphml、gexf 或 json",
    "unknown language {lang!r}; known: {UI}": "未知的语言 {lang!r}；已知：{UI}",
    "depth must be at least 1": "depth 至少为 1",
    "map_data without a ChainGraph needs a backend with a structure graph":
        "没有 ChainGraph 时，map_data 需要带结构图的后端",
    "the vis-network files bundled with pyvis cannot be inlined safely": "pyvis 附带的 vis-network 文件无法安全内嵌",
    "map_data needs a ChainGraph or a backend's facts": "map_data 需要 ChainGraph 或后端的数据",
    "this backend cannot list firms for a map; build the map from the dataset's graph":
        "该后端无法为地图列出企业；请从数据集的图生成地图",
    "cannot read vis-network from the pyvis package ({exc}); reinstall pyvis>=0.3.2":
        "无法从 pyvis 包读取 vis-network（{exc}）；请重新安装 pyvis>=0.3.2",
    "show_map needs IPython (pip install ipython, or run it in Jupyter); write_map makes a file instead":
        "show_map 需要 IPython（pip install ipython，或在 Jupyter 中运行）；write_map 可生成文件",
    # sources/chainkg.py
    "missing": "缺失",
    "none": "无",
    "folder does not exist": "文件夹不存在",
    "file is missing in {root}": "{root} 中缺少该文件",
    "{confidence!r}: use {CONFIDENCES}": "{confidence!r}：请用 {CONFIDENCES}",
    "an industry needs a name or a code": "行业需要名称或代码",
    "expected a JSON object": "应为 JSON 对象",
    "cannot be read as YAML: {exc}": "无法按 YAML 读取：{exc}",
    "unknown segment {segment!r} in this dataset": "本数据集中没有环节 {segment!r}",
    "not JSON: {msg}": "不是 JSON：{msg}",
    # sources/extract.py, merge.py, text.py
    "--ner needs the optional entity tagger: pip install 'chaingraph[ner]'":
        "--ner 需要可选的实体识别组件：pip install 'chaingraph[ner]'",
    "--date {doc_date!r} is not a day: write YYYY-MM-DD": "--date {doc_date!r} 不是具体日期：请写成 YYYY-MM-DD",
    "{path}: {rows_count:,} facts, over the limit of {MAX_PROPOSED_FACTS:,}":
        "{path}：{rows_count:,} 条事实，超过上限 {MAX_PROPOSED_FACTS:,}",
    "not a JSON object": "不是 JSON 对象",
    "'files' is not a list of file names": "'files' 不是文件名列表",
    "'created' is not a list of file names": "'created' 不是文件名列表",
    "'written' is not a mapping": "'written' 不是映射",
    "{path}: {exc}": "{path}：{exc}",
    "{path}: not UTF-8 text ({reason} at byte {start})": "{path}：不是 UTF-8 文本（第 {start} 字节：{reason}）",
    "cannot read {path}: {strerror}": "无法读取 {path}：{strerror}",
    "{path}: \"facts\" must be a list of facts, not {type_name}":
        "{path}：\"facts\" 必须是事实列表，不能是 {type_name}",
    "{path}:1: not a proposed-facts table: missing columns {missing}": "{path}:1: 不是待合并事实表：缺少列 {missing}",
    "{path}: fact {number} is {row}, not an object with record, key, field and value":
        "{path}：第 {number} 条事实是 {row}，不是含 record、key、field 和 value 的对象",
    "{path}:{number}: missing {missing}": "{path}:{number}: 缺少 {missing}",
    "{path}:{number}: confidence {confidence} is not between 0 and 1":
        "{path}:{number}: 置信度 {confidence} 不在 0 到 1 之间",
    "cannot read: {reason}": "无法读取：{reason}",
    "not valid JSON ({exc})": "不是有效的 JSON（{exc}）",
    "names {name!r}, which is not a dataset table": "指向 {name!r}，它不是数据集的表",
    "the saved copy of {name} is missing": "{name} 的备份副本不见了",
    "{root}: no merge to undo (no {BACKUP_DIR}/ folder with a manifest)":
        "{root}：没有可撤销的合并（没有带 manifest 的 {BACKUP_DIR}/ 文件夹）",
    "{root}: {edited} changed after the merge of {name} (by hand or by another command); undoing would overwrite "
    "that change. Nothing was changed; add --force to undo anyway":
        "{root}：{edited} 在合并 {name} 之后被修改过（手工或其他命令）；撤销会覆盖该修改。未做任何修改；"
        "如仍要撤销请加 --force",
    "{root}: {edited} changed after the merge of {name} (by hand or by another command); undoing would overwrite "
    "those changes. Nothing was changed; add --force to undo anyway":
        "{root}：{edited} 在合并 {name} 之后被修改过（手工或其他命令）；撤销会覆盖这些修改。未做任何修改；"
        "如仍要撤销请加 --force",
    "{path}: not valid JSON ({where})": "{path}：不是有效的 JSON（{where}）",
    "{path}: a JSON object must hold a list under \"facts\" (as chaingraph extract writes it)":
        "{path}：JSON 对象必须在 \"facts\" 下有一个列表（与 chaingraph extract 写出的一样）",
    "a cell is longer than {MAX_CELL_CHARS:,} characters (the limit)": "有单元格超过 {MAX_CELL_CHARS:,} 个字符（上限）",
    "{path}:{line_num}: {message}": "{path}:{line_num}: {message}",
    "{path}:{number}: {column} must be text, not {type_name}":
        "{path}:{number}: {column} 必须是文本，不能是 {type_name}",
    "{path}:{number}: {column} holds a control character": "{path}:{number}: {column} 含控制字符",
    "{path}:{number}: confidence, start and end must be numbers":
        "{path}:{number}: confidence、start 和 end 必须是数字",
    "cannot back up {root}: {strerror}": "无法备份 {root}：{strerror}",
    "{message}; nothing was changed (remove that backup folder to undo the merge before it)":
        "{message}；未做任何修改（删除该备份文件夹后，可再用 merge --undo 撤销它之前的那次合并）",
    "the article is not UTF-8, GB18030, Big5 or Shift-JIS text: convert it to UTF-8 first":
        "文章不是 UTF-8、GB18030、Big5 或 Shift-JIS 文本：请先转换为 UTF-8",
    "the article's encoding is unclear (best guess {encoding}, but only {share:.0%} of its characters are common "
    "Chinese ones): convert it to UTF-8 first":
        "文章编码不明（最可能是 {encoding}，但只有 {share:.0%} 的字符是常用汉字）：请先转换为 UTF-8",
    # sources/registry.py, review.py
    "not UTF-8, GB18030 or UTF-16 text": "不是 UTF-8、GB18030 或 UTF-16 文本",
    "unsupported file type: save it as .xlsx or .csv": "不支持的文件类型：请另存为 .xlsx 或 .csv",
    "no sheet has a firm name column ({known} ...)": "没有工作表含企业名称列（{known} ...）",
    "file does not exist": "文件不存在",
    "has {cells_count} cells, the header has {width}": "有 {cells_count} 个单元格，表头有 {width} 列",
    "the firm name is empty": "企业名称为空",
    "not a readable .xlsx workbook: {exc}": "不是可读取的 .xlsx 工作簿：{exc}",
    "merged header cells: unmerge them so that every column has its own header":
        "表头有合并单元格：请取消合并，让每列都有自己的表头",
    "holds a formula ({value}): paste the values instead": "含公式（{value}）：请改为粘贴数值",
    "a second {name} column (first: {letter})": "第二个 {name} 列（第一个在 {letter} 列）",
    "{name!r} matches several firms: {ids}": "{name!r} 匹配到多家企业：{ids}",
    "column is missing": "缺少该列",
    "holds a formula ({raw}): write 是 or 否": "含公式（{raw}）：请写 是 或 否",
    "{raw!r}: write 是 (accept), 否 (reject) or leave it empty": "{raw!r}：请写 是（接受）、否（拒绝）或留空",
    "is empty": "为空",
    # sources/sheets.py
    "unknown country {text}: write 日本, 德国 ... or a two-letter code (JP, DE)":
        "未知的国家 {text}：请写 日本、德国 …… 或两字母代码（JP、DE）",
    "unknown event {text}: write 签约、开工、试生产、投产、取消 or 增资":
        "未知的事件 {text}：请写 签约、开工、试生产、投产、取消 或 增资",
    "unknown {what} {text}: write {known}": "未知的{what} {text}：请写 {known}",
    "unsupported file type: save it as .xlsx or .csv (Excel: 文件 > 另存为 > Excel 工作簿 .xlsx)":
        "不支持的文件类型：请另存为 .xlsx 或 .csv（Excel：文件 > 另存为 > Excel 工作簿 .xlsx）",
    "is not a regular file (a device, pipe or folder): refused": "不是普通文件（是设备、管道或文件夹）：拒绝读取",
    "is {st_size}, over the limit of {MAX_SHEET_BYTES}": "大小 {st_size}，超过上限 {MAX_SHEET_BYTES}",
    "unknown group {text}: add it to groups.csv first": "未知的集团 {text}：请先加入 groups.csv",
    "not a readable .xlsx workbook ({type_name})": "不是可读取的 .xlsx 工作簿（{type_name}）",
    "cannot read the text as {candidates}: save it as UTF-8 CSV or .xlsx":
        "无法按 {candidates} 读取文本：请另存为 UTF-8 CSV 或 .xlsx",
    "a cell is longer than {MAX_CELL_CHARS:,} characters (the limit): is a quote left open?":
        "有单元格超过 {MAX_CELL_CHARS:,} 个字符（上限）：是否有引号没有闭合？",
    "no sheet has a firm name column ({known} ...) nor the 项目 and 事件 columns of an events sheet; map your header "
    "with --mapping":
        "没有工作表含企业名称列（{known} ...），也没有事件表的 项目 和 事件 列；请用 --mapping 映射表头",
    "{number_text} has no unit: write 3400万美元, or put the unit in the header, e.g. 总投资（万美元）":
        "{number_text} 没有单位：请写成 3400万美元，或把单位写进表头，如 总投资（万美元）",
    "企业名称 is empty (row has {header} = {text})": "企业名称为空（该行 {header} = {text}）",
    "{code}: {why}": "{code}：{why}",
    "a credit code has 18 characters, not {count}": "统一社会信用代码应有 18 位，不是 {count} 位",
    "a credit code has no {bad!r} (digits and capitals except I O Z S V)":
        "统一社会信用代码中不能有 {bad!r}（只用数字和除 I O Z S V 以外的大写字母）",
    "check character is {given!r}, expected {expected!r}: a digit is probably mistyped":
        "校验位是 {given!r}，应为 {expected!r}：可能有一位输错了",
    "{name} matches several firms: {firms}; add 统一社会信用代码 to tell them apart":
        "{name} 匹配到多家企业：{firms}；请加上统一社会信用代码以区分",
    "{name} matches firm {id} ({name2}) whose credit code is {credit_code}":
        "{name} 匹配到企业 {id}（{name2}），其统一社会信用代码是 {credit_code}",
    "{new} ({project}): the history would be out of order": "{new}（{project}）：会使项目历史顺序错乱",
    "日期 is empty: every event needs its date": "日期为空：每个事件都需要日期",
    "a capital increase needs its 金额 (the amount added)": "增资需要填写金额（增加的数额）",
    "required: one of {kinds}": "必填：{kinds} 之一",
    "a capital increase needs the amount added": "增资需要填写增加的金额",
    "a {kind} event has no amount (amounts go with signed or capital_increase)":
        "{kind}事件没有金额（金额只随签约或增资）",
    "{kind} of {project} on {date} is given twice (first at line {line})":
        "{project} 在 {date} 的{kind}重复出现（第一次在第 {line} 行）",
    "{kind} on {date} is before the project was {earlier} ({when})":
        "{date} 的{kind}早于项目的{earlier}（{when}）",
    "{kind} on {date} comes after the project was cancelled ({when})":
        "{date} 的{kind}在项目取消（{when}）之后",
    "a {EVENT_CN} event has no amount (amounts go with 签约 or 增资)":
        "{EVENT_CN}事件没有金额（金额只随 签约 或 增资）",
    "{date} is still to come: an event is a step taken, record it once it happened":
        "{date} 尚未到来：事件是已发生的进展，请在发生后再记录",
    "unknown project {text}: name it by its id or its name in projects.csv":
        "未知的项目 {text}：请用 projects.csv 中的 id 或名称",
    "{text} is not an area in 亩 (write e.g. 27.8)": "{text} 不是以亩计的面积（请写如 27.8）",
    "must be a mapping with columns/units/defaults/sheets": "必须是含 columns/units/defaults/sheets 的映射",
    "unknown key; use columns, units, defaults, sheets": "未知的键；请用 columns、units、defaults、sheets",
    "must be a mapping of header: value": "必须是“表头: 值”的映射",
    "unknown field {target}; fields: {FIELDS}": "未知字段 {target}；可用字段：{FIELDS}",
    "unknown field {name}": "未知字段 {name}",
    "expands to {total}, over the limit of {MAX_XLSX_UNCOMPRESSED_BYTES}":
        "解压后为 {total}，超过上限 {MAX_XLSX_UNCOMPRESSED_BYTES}",
    "more than {MAX_SHEET_ROWS:,} rows (the limit)": "超过 {MAX_SHEET_ROWS:,} 行（上限）",
    "{where}: {header}: warning: {message}": "{where}: {header}: 警告: {message}",
    "{where}: 项目状态 {status} has no 状态日期, so the row's dates were not recorded as events (add 状态日期 to "
    "record the history)":
        "{where}: 项目状态 {status} 没有 状态日期，该行的日期未记为事件（填写 状态日期 即可记录历史）",
    "状态日期 dates the 项目状态: add the 项目状态": "状态日期 是 项目状态 的日期：请补上 项目状态",
    "项目状态 {EVENT_CN} does not match the project's events (events.csv says {from_events}): give its 状态日期 to "
    "record it as an event, or correct the row":
        "项目状态 {EVENT_CN} 与项目事件不符（events.csv 为 {from_events}）：请填写 状态日期 以记为事件，或更正该行",
    "{event} on {date} contradicts the {event} of {date2} already recorded for {project} ({note}): correct one of "
    "them":
        "{date} 的{event}与 {project} 已记录的 {date2} {event}矛盾（{note}）：请更正其一",
    "{HEADER_ALIASES} is empty: every event names it": "{HEADER_ALIASES} 为空：每个事件都要写明",
    "part {filename} expands {ratio:.0f}-fold to {file_size} (limit {MAX_XLSX_RATIO}-fold): refused as a possible "
    "zip bomb":
        "部件 {filename} 解压后膨胀 {ratio:.0f} 倍到 {file_size}（上限 {MAX_XLSX_RATIO} 倍）：疑似压缩炸弹，拒绝读取",
    "sheet {title} declares {declared:,} rows, over the limit of {MAX_SHEET_ROWS:,} rows per sheet":
        "工作表 {title} 声明有 {declared:,} 行，超过每表 {MAX_SHEET_ROWS:,} 行的上限",
    "column says {field_name} like {seen!r}: keep one of them": "该列与 {seen!r} 都表示 {field_name}：请只保留一列",
    "holds control character U+{ord:04X}: remove it": "含控制字符 U+{ord:04X}：请删除",
    "{value} conflicts with {earlier} given for the same firm at {earlier2}: keep one":
        "{value} 与同一企业在 {earlier2} 给出的 {earlier} 冲突：请只保留一个",
    "a sheet ({filename}) has more than {MAX_SHEET_ROWS:,} rows (the limit)":
        "有工作表（{filename}）超过 {MAX_SHEET_ROWS:,} 行（上限）",
    "sheet {title} cannot be read: {exc}": "工作表 {title} 无法读取：{exc}",
    "sheet {title} has more than {MAX_SHEET_ROWS:,} rows (the limit)":
        "工作表 {title} 超过 {MAX_SHEET_ROWS:,} 行（上限）",
    "{exc} (add a 所属产业链 column)": "{exc}（可加一列“所属产业链”）",
    # the import report (cli/workflow.py)
    "skipped as unmapped": "未映射而跳过",
    "left undecided, proposed again next time": "未填采纳、下次仍会建议",
    "proposals below {min_confidence} not imported": "低于 {min_confidence} 而未导入的建议",
    # the merge report (sources/merge.py) and extract's summary (cli/ingest.py)
    "{record} {id}": "{record} {id}",
    "{record} {id} {field}": "{record} {id} {field}",
    " ({evidence})": "（{evidence}）",
    "(empty)": "（空）",
    "{mark} new {where}: {new}": "{mark} 新增 {where}：{new}",
    "{mark} {where}: {old} -> {new}": "{mark} {where}：{old} -> {new}",
    "{mark} CONFLICT {where}: the article says {new}{evidence}, but {reason}; not written":
        "{mark} 冲突 {where}：新闻稿称 {new}{evidence}，但{reason}；未写入",
    "{mark} CONFLICT {where}: dataset has {old}, the article says {new}{evidence}; kept {old}":
        "{mark} 冲突 {where}：数据集中为 {old}，新闻稿称 {new}{evidence}；保留 {old}",
    "{mark} skipped {where} {new}: {reason}": "{mark} 跳过 {where} {new}：{reason}",
    "{mark} {where}: {new} (already there)": "{mark} {where}：{new}（已有）",
    "{new} new records, {changed} changed fields, {same} already there, {conflict} conflicts, {skip} skipped":
        "新增记录 {new} 条，改动字段 {changed} 个，已有 {same} 项，冲突 {conflict} 项，跳过 {skip} 项",
    "confidence {confidence:.2f} < {minimum}": "置信度 {confidence:.2f} < {minimum}",
    "is the group {group} ({name}), not a firm": "是集团 {group}（{name}），不是企业",
    "a new firm needs a name fact (field name, with its evidence); none was proposed":
        "新企业需要一条名称事实（字段 name，附证据）；未提出",
    "not a region of the dataset (add it to regions.yaml first)": "不是数据集中的地区（请先加入 regions.yaml）",
    "not a firm field": "不是企业字段",
    "after the article's date ({published}): a plan": "在新闻稿日期（{published}）之后：是计划",
    "the project is {status} already (projects.csv): this step alone would set its status back; record its later "
    "steps in events.csv first":
        "项目在 projects.csv 中已是 {status}：只记这一步会让状态倒退；请先在 events.csv 记下后续各步",
    "from its events": "据其事件",
    "the firm was not merged": "企业未合并",
    "unknown segment": "未知的环节",
    "not a project field": "不是项目字段",
    "ambiguous: {ids}": "有歧义：{ids}",
    "{article} ({encoding}): {facts} facts about {firms} firms, {projects} projects, {region_facts} region facts "
    "({removed} characters of doubled text and layout removed)":
        "{article}（{encoding}）：{facts} 条事实，涉及企业 {firms} 家、项目 {projects} 个、地区数据 {region_facts} 条"
        "（去除重复文字与版式 {removed} 个字符）",
    "{path}: restored {files} from {backup}": "{path}：已从 {backup} 恢复 {files}",
    "dry run: nothing written": "试运行：未写入任何内容",
    "{count} conflicts and --strict: nothing written": "有 {count} 处冲突且用了 --strict：未写入任何内容",
    "nothing to change": "无需改动",
    "nothing": "无",
    "{path}: wrote {files}; previous files in {backup} (undo: chaingraph --data {path} merge --undo)":
        "{path}：已写入 {files}；原文件保存在 {backup}（撤销：chaingraph --data {path} merge --undo）",
    "{path}: wrote {files} (undo: chaingraph --data {path} merge --undo)":
        "{path}：已写入 {files}（撤销：chaingraph --data {path} merge --undo）",
    # safety.py (validate's warnings)
    "holds control character U+{code:04X} (not allowed in a dataset)": "含控制字符 U+{code:04X}（数据集中不允许）",
    "holds bidirectional control U+{code:04X}, which reverses how neighbouring text is shown":
        "含双向控制字符 U+{code:04X}，会颠倒相邻文字的显示顺序",
    "holds invisible character U+{code:04X}, which breaks lines or scripts in some viewers: remove it":
        "含不可见字符 U+{code:04X}，在某些查看器中会打断行或脚本：请删除",
    "is a {scheme}: URL, not a web address": "是 {scheme}: URL，不是网址",
    "is not an http(s) address": "不是 http(s) 网址",
    "looks like HTML (shown as text in every output, but check the source)":
        "看起来像 HTML（各输出中都按文本显示，但请核对来源）",
    "starts with {char!r}: spreadsheets would run it as a formula (chaingraph's own outputs neutralise it)":
        "以 {char!r} 开头：电子表格会把它当作公式执行（chaingraph 自己的输出已做中和）",
    # sources/synth.py
    "cannot write {root}: the folder holds files that synth did not write (no {PLANTED_FILE}); choose an empty or "
    "new folder":
        "无法写入 {root}：该文件夹中有不是 synth 写入的文件（没有 {PLANTED_FILE}）；请选择空文件夹或新文件夹",
    "cannot write {root}: it is a file, not a folder": "无法写入 {root}：它是文件，不是文件夹",
}
