<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GreenChannelBoard</name>
    <message>
        <location filename="../../ui/pmc/green.py" line="173"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="174"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="175"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="176"/>
        <source>Need date</source>
        <translation>需求日期</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="178"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="180"/>
        <source>Current step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="252"/>
        <source>Confirm step</source>
        <translation>确认步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="253"/>
        <source>Request rush…</source>
        <translation>申请急单…</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="254"/>
        <source>Green-channel rules…</source>
        <translation>绿色通道规则…</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="255"/>
        <source>Escalations for you</source>
        <translation>给您的超时升级提醒</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="256"/>
        <source>Mark read</source>
        <translation>标为已读</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="268"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="268"/>
        <source>Sales request</source>
        <translation>销售申请</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="269"/>
        <source>Marked rush</source>
        <translation>标记急单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="275"/>
        <source>All steps done</source>
        <translation>全部步骤已完成</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="281"/>
        <source>{step}: late by {time}</source>
        <translation>{step}:已超时 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="283"/>
        <source>{step}: {time} left</source>
        <translation>{step}:剩余 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="290"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="297"/>
        <source>target {minutes} min</source>
        <translation>目标 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="299"/>
        <source>due {time}</source>
        <translation>截止 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="301"/>
        <source>confirmed {time} by {user}</source>
        <translation>{user} 于 {time} 确认</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="304"/>
        <source>escalated (level {level})</source>
        <translation>已升级(第 {level} 级)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="346"/>
        <source>Robot messages: {sent} sent, {waiting} waiting</source>
        <translation>群机器人消息:已发 {sent} 条,待发 {waiting} 条</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="349"/>
        <source>last error: {error}</source>
        <translation>最近错误:{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="356"/>
        <source>Rush request → PMC confirmation (30 days): no PMC confirmation yet, {pending} waiting · {n} in the green channel</source>
        <translation>急单申请 → PMC 确认(近30天):尚无 PMC 确认,待确认 {pending} 单 · 绿色通道中 {n} 单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="362"/>
        <source>Rush request → PMC confirmation (30 days): no rush orders yet · {n} in the green channel</source>
        <translation>急单申请 → PMC 确认(近30天):暂无急单 · 绿色通道中 {n} 单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="369"/>
        <source>Rush request → PMC confirmation (30 days): median {median} min, within 2 h {within}, {pending} waiting · {n} in the green channel</source>
        <translation>急单申请 → PMC 确认(近30天):中位数 {median} 分钟,2小时内 {within},待确认 {pending} 单 · 绿色通道中 {n} 单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="420"/>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="438"/>
        <source>Escalation check failed: {error}</source>
        <translation>超时升级检查失败:{error}</translation>
    </message>
</context>
<context>
    <name>GreenChannelRulesDialog</name>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="40"/>
        <source>Green-channel rules</source>
        <translation>绿色通道规则</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="41"/>
        <source>Put matching orders in the green channel automatically</source>
        <translation>符合条件的订单自动进入绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="42"/>
        <source>Tier {tier}</source>
        <translation>{tier}类</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="46"/>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="49"/>
        <source>Empty: every product line; else comma-separated</source>
        <translation>留空:所有产品线;否则用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="51"/>
        <source>Empty: every product; else SKUs, comma-separated</source>
        <translation>留空:所有产品;否则填物料编码,用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="55"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="58"/>
        <source>WeCom group robot</source>
        <translation>企业微信群机器人</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="59"/>
        <source>DingTalk group robot</source>
        <translation>钉钉群机器人</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="68"/>
        <source>Which orders enter the green channel</source>
        <translation>哪些订单进入绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="75"/>
        <source>Customer tiers</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="76"/>
        <source>Due within</source>
        <translation>交期在以下时间内</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="77"/>
        <source>Product lines</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="78"/>
        <source>Products (SKU)</source>
        <translation>产品(编码)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="79"/>
        <source>Sales can also request the green channel for any order, with a reason.</source>
        <translation>销售也可以为任何订单申请绿色通道(需填写原因)。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="81"/>
        <source>Target time per department step</source>
        <translation>各部门步骤的目标时间</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="85"/>
        <source>Department leads notified when a step is late</source>
        <translation>步骤超时通知的部门负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="87"/>
        <source>Engineering</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="87"/>
        <source>PMC</source>
        <translation>PMC</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="88"/>
        <source>Warehouse and shipping</source>
        <translation>仓库与发运</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="88"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="89"/>
        <source>Supervisor (second escalation)</source>
        <translation>主管(二次升级)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="91"/>
        <source>user name (optional)</source>
        <translation>用户名(可选)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="93"/>
        <source>Group robot message (optional)</source>
        <translation>群机器人消息(可选)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="95"/>
        <source>Robot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rules_dialog.py" line="96"/>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
</context>
<context>
    <name>ImagePreviewDialog</name>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="72"/>
        <source>This picture cannot be shown (unknown or damaged format).</source>
        <translation>无法显示该图片(格式未知或文件已损坏)。</translation>
    </message>
</context>
<context>
    <name>KitCheckView</name>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="111"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="113"/>
        <source>Rush order: netted first</source>
        <translation>急单:优先分配物料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="114"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="115"/>
        <location filename="../../ui/pmc/kit_view.py" line="233"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="116"/>
        <location filename="../../ui/pmc/kit_view.py" line="232"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="117"/>
        <source>Need date</source>
        <translation>需求日期</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="118"/>
        <source>Kit status</source>
        <translation>齐套状态</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="120"/>
        <source>Kit %</source>
        <translation>齐套率</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="123"/>
        <source>Short items</source>
        <translation>缺料项</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="125"/>
        <location filename="../../ui/pmc/kit_view.py" line="161"/>
        <source>Clears on</source>
        <translation>预计解除</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="131"/>
        <location filename="../../ui/pmc/kit_view.py" line="154"/>
        <source>Component</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="133"/>
        <location filename="../../ui/pmc/kit_view.py" line="155"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="134"/>
        <source>Required</source>
        <translation>需求数量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="136"/>
        <source>From stock</source>
        <translation>库存满足</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="138"/>
        <source>From receipts</source>
        <translation>到货满足</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="140"/>
        <location filename="../../ui/pmc/kit_view.py" line="156"/>
        <source>Shortage</source>
        <translation>缺料数量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="142"/>
        <source>To make</source>
        <translation>需自制</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="144"/>
        <source>Receipt / clears on</source>
        <translation>到货 / 解除日期</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="146"/>
        <location filename="../../ui/pmc/kit_view.py" line="162"/>
        <location filename="../../ui/pmc/kit_view.py" line="279"/>
        <source>not covered</source>
        <translation>无到货覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="158"/>
        <source>Orders blocked</source>
        <translation>阻塞订单数</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="160"/>
        <source>First need</source>
        <translation>最早需求</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="234"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="235"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="236"/>
        <source>Due by</source>
        <translation>需求日期不晚于</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="237"/>
        <source>Rush only</source>
        <translation>只看急单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="238"/>
        <source>Order number or customer</source>
        <translation>订单号或客户</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="239"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="240"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="241"/>
        <source>Components of the order</source>
        <translation>订单物料明细</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="242"/>
        <source>Short components</source>
        <translation>缺料物料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="243"/>
        <source>Orders this component blocks (double-click to open)</source>
        <translation>该物料阻塞的订单(双击打开)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="244"/>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="245"/>
        <source>Tier {tier}</source>
        <translation>{tier}类</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="246"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="249"/>
        <location filename="../../ui/pmc/kit_view.py" line="345"/>
        <source>All product lines</source>
        <translation>全部产品线</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="268"/>
        <source>Short</source>
        <translation>缺料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="268"/>
        <source>Waiting for receipt</source>
        <translation>待到货</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="269"/>
        <source>Complete</source>
        <translation>齐套</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="269"/>
        <location filename="../../ui/pmc/kit_view.py" line="274"/>
        <source>No BOM</source>
        <translation>无BOM</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="273"/>
        <source>No BOM: {skus}</source>
        <translation>无BOM:{skus}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="328"/>
        <source>Kit check failed: {error}</source>
        <translation>齐套检查失败:{error}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="373"/>
        <source>Checking kits…</source>
        <translation>正在检查齐套…</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="378"/>
        <source>{shown} of {open} open orders · short {red} · waiting for receipts {amber} · complete {green} · no BOM {nobom} · average kit completeness {pct} · {short} short components</source>
        <translation>显示 {shown} / {open} 个未结订单 · 缺料 {red} · 待到货 {amber} · 齐套 {green} · 无BOM {nobom} · 平均齐套率 {pct} · 缺料物料 {short} 种</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="408"/>
        <source>Select an order to see its components.</source>
        <translation>选择订单查看物料明细。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="411"/>
        <source>{order} · {customer} · need {date} · {status}</source>
        <translation>{order} · {customer} · 需求 {date} · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="415"/>
        <source>Kit cannot be checked until these products have a BOM.</source>
        <translation>这些产品建立 BOM 后才能检查齐套。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="451"/>
        <source>Export kit check</source>
        <translation>导出齐套检查</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="452"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="461"/>
        <source>Exporting kit check</source>
        <translation>正在导出齐套检查</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="466"/>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消,未写入文件。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/kit_view.py" line="468"/>
        <source>Exported {orders} orders and {short} short components to {path}</source>
        <translation>已导出 {orders} 个订单和 {short} 种缺料物料到 {path}</translation>
    </message>
</context>
<context>
    <name>OrderAnnotationsWidget</name>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="135"/>
        <source>Add change note</source>
        <translation>添加变更说明</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="136"/>
        <source>Attach picture / video…</source>
        <translation>添加图片 / 视频…</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="137"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="138"/>
        <source>Pictures, video clips and files (double-click to open)</source>
        <translation>图片、视频和文件(双击打开)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="140"/>
        <source>Engineering change: drawing revision, spec, …</source>
        <translation>技术变更:图纸版本、规格…</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="142"/>
        <source>No order selected</source>
        <translation>未选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="177"/>
        <source>Changes and files of {order}</source>
        <translation>{order} 的变更与附件</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="181"/>
        <source>Engineering change</source>
        <translation>技术变更</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="181"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="188"/>
        <source>[picture]</source>
        <translation>[图片]</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="188"/>
        <source>[video]</source>
        <translation>[视频]</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="189"/>
        <source>[file]</source>
        <translation>[文件]</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="205"/>
        <source>Attach a picture or video clip</source>
        <translation>添加图片或视频</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="206"/>
        <source>Pictures and videos (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.mp4 *.mov *.avi *.mkv);;All files (*)</source>
        <translation>图片和视频 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.mp4 *.mov *.avi *.mkv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/annotations.py" line="218"/>
        <source>Saved; every station handling this order sees it.</source>
        <translation>已保存;处理该订单的每个工位都能看到。</translation>
    </message>
</context>
<context>
    <name>PmcPage</name>
    <message>
        <location filename="../../ui/pmc/page.py" line="40"/>
        <source>PMC</source>
        <translation>PMC</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/page.py" line="43"/>
        <source>Kit completeness</source>
        <translation>齐套检查</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/page.py" line="44"/>
        <source>Rush green channel</source>
        <translation>急单绿色通道</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/page.py" line="45"/>
        <source>Stock, receipts and BOMs</source>
        <translation>库存、到货与BOM</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/page.py" line="46"/>
        <source>Engineering changes</source>
        <translation>技术变更</translation>
    </message>
</context>
<context>
    <name>RushBoardDialog</name>
    <message>
        <location filename="../../ui/pmc/rush_status.py" line="40"/>
        <source>Rush green channel</source>
        <translation>急单绿色通道</translation>
    </message>
</context>
<context>
    <name>RushRequestDialog</name>
    <message>
        <location filename="../../ui/pmc/green.py" line="84"/>
        <source>Request rush (green channel)</source>
        <translation>申请急单(绿色通道)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="87"/>
        <source>Order number, channel number or customer PO</source>
        <translation>订单号、渠道单号或客户PO</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="90"/>
        <source>Why it is urgent (customer line stop, …)</source>
        <translation>为什么急(客户停线…)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="93"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="94"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RushStatusButton</name>
    <message>
        <location filename="../../ui/pmc/rush_status.py" line="99"/>
        <source>⚡ Rush {waiting} · escalations {unread}</source>
        <translation>⚡ 急单 {waiting} · 超时提醒 {unread}</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/rush_status.py" line="101"/>
        <source>Rush orders waiting for your department, and unread escalations. Click to open the green channel.</source>
        <translation>等待本部门处理的急单和未读的超时提醒。点击打开绿色通道。</translation>
    </message>
    <message>
        <source>⚡ Rush orders: {mine} mine / {all} all · escalations {unread}</source>
        <translation>⚡ 加急单:我的 {mine} / 全部 {all} · 升级 {unread}</translation>
    </message>
    <message>
        <source>Rush orders whose next step is your department's (mine), rush orders open in all departments (all), and unread escalations. Click to open the green channel.</source>
        <translation>下一步在您部门的加急单(我的)、各部门未完成的加急单(全部)以及未读的升级提醒。点击打开绿色通道。</translation>
    </message>
</context>
<context>
    <name>SupplyView</name>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="75"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="76"/>
        <location filename="../../ui/pmc/supply_view.py" line="244"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="77"/>
        <location filename="../../ui/pmc/supply_view.py" line="249"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="78"/>
        <location filename="../../ui/pmc/supply_view.py" line="340"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="80"/>
        <location filename="../../ui/pmc/supply_view.py" line="341"/>
        <source>Allocated elsewhere</source>
        <translation>其他占用</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="82"/>
        <location filename="../../ui/pmc/supply_view.py" line="345"/>
        <source>Incoming</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="84"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="97"/>
        <location filename="../../ui/pmc/supply_view.py" line="346"/>
        <source>Due date</source>
        <translation>到货日期</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="98"/>
        <location filename="../../ui/pmc/supply_view.py" line="346"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="100"/>
        <location filename="../../ui/pmc/supply_view.py" line="347"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="101"/>
        <location filename="../../ui/pmc/supply_view.py" line="347"/>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="158"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="158"/>
        <source>Production output</source>
        <translation>生产产出</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="182"/>
        <source>Stock of {sku} {name}</source>
        <translation>{sku} {name} 的库存</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="183"/>
        <source>Incoming for {sku}</source>
        <translation>{sku} 的在途到货</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="196"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="242"/>
        <source>Component</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="245"/>
        <location filename="../../ui/pmc/supply_view.py" line="359"/>
        <source>Qty per unit</source>
        <translation>单位用量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="247"/>
        <source>Scrap allowance</source>
        <translation>损耗率</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="336"/>
        <source>Stock and receipts</source>
        <translation>库存与到货</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="337"/>
        <source>Bills of materials</source>
        <translation>物料清单(BOM)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="338"/>
        <source>Component SKU or name</source>
        <translation>物料编码或名称</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="339"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="342"/>
        <source>Save stock count</source>
        <translation>保存盘点数量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="344"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="354"/>
        <source>Add receipt</source>
        <translation>新增到货</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="355"/>
        <source>Change date / quantity</source>
        <translation>修改日期 / 数量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="356"/>
        <source>Goods received</source>
        <translation>已到货入库</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="357"/>
        <source>Product SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="358"/>
        <source>Show BOM</source>
        <translation>查看BOM</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="359"/>
        <source>Component SKU</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="360"/>
        <source>Scrap allowance (0.02 = 2%)</source>
        <translation>损耗率(0.02 = 2%)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="362"/>
        <source>Add / change line</source>
        <translation>添加 / 修改行</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="363"/>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/supply_view.py" line="364"/>
        <source>▸ marks a component made from its own BOM (double-click to open it). Removed lines are kept in the trail and come back when added again.</source>
        <translation>▸ 表示该物料由自己的 BOM 生产(双击打开)。删除的行保留在修改记录中,再次添加即恢复。</translation>
    </message>
</context>
<context>
    <name>pmc</name>
    <message>
        <location filename="../../ui/pmc/green.py" line="48"/>
        <source>Engineering confirmation</source>
        <translation>技术确认</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="49"/>
        <source>PMC kit check and scheduling</source>
        <translation>PMC齐套与排产确认</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="50"/>
        <source>Warehouse picking</source>
        <translation>仓库备货拣货</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="51"/>
        <source>Quality certificate</source>
        <translation>质量合格证</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="52"/>
        <source>Shipping</source>
        <translation>发运</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="58"/>
        <source>Eng.</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="59"/>
        <source>PMC</source>
        <translation>PMC</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="60"/>
        <source>Picking</source>
        <translation>拣货</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="61"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="62"/>
        <source>Ship</source>
        <translation>发运</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="75"/>
        <source>{h} h {m} min</source>
        <translation>{h}小时{m}分</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/green.py" line="76"/>
        <source>{m} min</source>
        <translation>{m}分钟</translation>
    </message>
</context>
<context>
    <name>pmc_errors</name>
    <message>
        <location filename="../../ui/pmc/errors.py" line="20"/>
        <source>The BOMs form a loop: {path}. Change one of these BOM lines; until then the kit cannot be checked.</source>
        <translation>BOM 出现循环引用:{path}。请修改其中一行 BOM;修改前无法检查齐套。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="27"/>
        <source>This step of {order} is already confirmed.</source>
        <translation>订单 {order} 的该步骤已确认。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="34"/>
        <source>Order {order} is not in the green channel.</source>
        <translation>订单 {order} 不在绿色通道中。</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="44"/>
        <source>Qty per unit</source>
        <translation>单位用量</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="45"/>
        <source>Scrap allowance</source>
        <translation>损耗率</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="46"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="47"/>
        <source>Allocated elsewhere</source>
        <translation>其他占用</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="48"/>
        <source>Due date</source>
        <translation>到货日期</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="49"/>
        <source>Component</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="50"/>
        <source>Customer tiers</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="51"/>
        <source>Due within (hours)</source>
        <translation>交期(小时内)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="52"/>
        <source>Webhook URL</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="53"/>
        <source>Robot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="54"/>
        <source>Target time</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="55"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="56"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="57"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="58"/>
        <source>Receipt</source>
        <translation>到货单</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="62"/>
        <source>it must start with http:// or https://</source>
        <translation>须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="63"/>
        <source>there is no such step</source>
        <translation>没有这个步骤</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="64"/>
        <source>it must be at least 0 and below 1 (0.02 = 2%)</source>
        <translation>须不小于 0 且小于 1(0.02 = 2%)</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="65"/>
        <source>a product cannot be its own component</source>
        <translation>产品不能是自己的物料</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="66"/>
        <source>the file is larger than {limit_mb} MB</source>
        <translation>文件超过 {limit_mb} MB</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="67"/>
        <source>the order is cancelled or merged</source>
        <translation>订单已取消或已合并</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="68"/>
        <source>the goods were already received</source>
        <translation>该到货已入库</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="69"/>
        <source>it is not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="70"/>
        <source>it is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="71"/>
        <source>it must be greater than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="72"/>
        <source>it is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="84"/>
        <source>Invalid {field}</source>
        <translation>{field}有误</translation>
    </message>
    <message>
        <location filename="../../ui/pmc/errors.py" line="90"/>
        <source>. Nothing was saved.</source>
        <translation>。未保存任何内容。</translation>
    </message>
</context>
</TS>
