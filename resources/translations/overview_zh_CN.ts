<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CloseExceptionDialog</name>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="203" />
            <source>Close with the lessons-learned card</source>
            <translation>填写经验卡并关闭</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="204" />
            <source>{no} · {kind} · order {order}: {text}</source>
            <translation>{no} · {kind} · 订单 {order}：{text}</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="207" />
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="211" />
            <source>Root cause (人机料法环测)</source>
            <translation>根本原因（人机料法环测）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="211" />
            <source>Scenario</source>
            <translation>场景</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="211" />
            <source>Cause</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="212" />
            <source>Action taken</source>
            <translation>采取的措施</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="212" />
            <source>Where it applies</source>
            <translation>适用范围</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="214" />
            <source>Save draft</source>
            <translation>保存草稿</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="215" />
            <source>Close exception</source>
            <translation>关闭异常</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="216" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="247" />
            <source>The same problem again?</source>
            <translation>同一问题再次发生？</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="248" />
            <source>This card reads like card {no} ({score:.0f} % alike):
{scenario}
{cause}

Is it the same problem again?</source>
            <translation>这张经验卡与 {no} 相似（相似度 {score:.0f}%）：
{scenario}
{cause}

是同一问题再次发生吗？</translation>
        </message>
    </context>
    <context>
        <name>ExceptionReportDialog</name>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="89" />
            <source>Order exception quick report</source>
            <translation>订单异常快速上报</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="91" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="91" />
            <source>Order number</source>
            <translation>订单号</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="91" />
            <source>Line (0: whole order)</source>
            <translation>行号（0 = 整单）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="92" />
            <source>What happened</source>
            <translation>异常描述</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="92" />
            <source>Owner (user)</source>
            <translation>责任人（用户名）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="92" />
            <source>Due in hours</source>
            <translation>处理时限（小时）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="93" />
            <source>Photos</source>
            <translation>照片</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="95" />
            <source>Add photo…</source>
            <translation>添加照片…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="96" />
            <source>{n} photo(s)</source>
            <translation>{n} 张照片</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="97" />
            <source>Report</source>
            <translation>上报</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="98" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="111" />
            <source>Add photo</source>
            <translation>添加照片</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="112" />
            <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="124" />
            <source>{name}: empty or larger than 10 MB, not added.</source>
            <translation>{name}：文件为空或超过 10 MB，未添加。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="135" />
            <source>Choose a kind and say what happened.</source>
            <translation>请选择类型并描述发生了什么。</translation>
        </message>
    </context>
    <context>
        <name>HealthBoardDialog</name>
        <message>
            <location filename="../../ui/overview/health_view.py" line="145" />
            <source>Customer fulfilment health</source>
            <translation>客户履约健康度</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="146" />
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="147" />
            <source>Rules (managers)</source>
            <translation>规则（管理者设置）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="148" />
            <source>Weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="149" />
            <source>Full points at</source>
            <translation>满分值</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="150" />
            <source>No points at</source>
            <translation>零分值</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="153" />
            <source>Green from score</source>
            <translation>绿色分数线</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="154" />
            <source>Yellow from score</source>
            <translation>黄色分数线</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="155" />
            <source>On-time tolerance (days)</source>
            <translation>准时容差（天）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="156" />
            <source>Save rules</source>
            <translation>保存规则</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="157" />
            <source>Rules apply to open months; closed months keep the snapshot taken with the rules of their time. Payment terms have no data in this build.</source>
            <translation>规则只作用于未结月份；已结月份保留按当时规则生成的快照。本版本没有回款数据，账期遵守率显示“无数据”。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="160" />
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="161" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="186" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="188" />
            <source>closed month, snapshot</source>
            <translation>已结月份（快照）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="188" />
            <source>open month, live</source>
            <translation>当前月份（实时）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="190" />
            <source>{state} · red {red} · yellow {yellow} · green {green} · no data {none}</source>
            <translation>{state} · 红 {red} · 黄 {yellow} · 绿 {green} · 无数据 {none}</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="216" />
            <source>Total {total} (must be 100)</source>
            <translation>合计 {total}（必须为 100）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/health_view.py" line="228" />
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
    </context>
    <context>
        <name>InsightCharts</name>
        <message>
            <location filename="../../ui/overview/charts.py" line="49" />
            <source>rate</source>
            <translation>比率</translation>
        </message>
        <message>
            <location filename="../../ui/overview/charts.py" line="49" />
            <source>median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <location filename="../../ui/overview/charts.py" line="56" />
            <source>target {value}</source>
            <translation>目标 {value}</translation>
        </message>
    </context>
    <context>
        <name>InsightErrors</name>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="271" />
            <source>root cause</source>
            <translation>根本原因</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="272" />
            <source>cause</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="273" />
            <source>action taken</source>
            <translation>采取的措施</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="274" />
            <source>where it applies</source>
            <translation>适用范围</translation>
        </message>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="276" />
            <source>The exception cannot close yet: the card lacks {missing}. What you wrote is saved as a draft.</source>
            <translation>异常还不能关闭：经验卡缺少{missing}。已填写的内容已保存为草稿。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="318" />
            <source>The weights total {total}; they must total 100.</source>
            <translation>权重合计为 {total}，必须为 100。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="319" />
            <source>The month {month} is not valid (YYYY-MM).</source>
            <translation>月份 {month} 无效（格式 YYYY-MM）。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="320" />
            <source>This handbook format is not supported: {path}.</source>
            <translation>不支持此手册格式：{path}。</translation>
        </message>
    </context>
    <context>
        <name>InsightLabels</name>
        <message>
            <location filename="../../ui/overview/labels.py" line="14" />
            <source>Order processing time</source>
            <translation>订单处理时长</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="15" />
            <source>First-pass accuracy</source>
            <translation>一次准确率</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="16" />
            <source>Cross-department response</source>
            <translation>跨部门响应时长</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="22" />
            <source>From the customer's submission to an executable work order (released to production). Orders received in the period.</source>
            <translation>从客户提交到形成可执行工单（下达生产）。统计期内收到的订单。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="24" />
            <source>Orders never corrected after confirmation, also later (released orders received in the period).</source>
            <translation>确认后从未被更正的订单占比，之后的更正也计入（统计期内收到并已下达的订单）。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="26" />
            <source>From a rush request to PMC confirming it can be scheduled (rush cases requested in the period).</source>
            <translation>从急单申请到 PMC 确认可排产（统计期内提出的急单）。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="32" />
            <source>min</source>
            <translation>分钟</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="32" />
            <source>h</source>
            <translation>小时</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="49" />
            <source>{n} min</source>
            <translation>{n} 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="51" />
            <source>{n} h</source>
            <translation>{n} 小时</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="52" />
            <source>{n} days</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="57" />
            <source>target {sign} {value} {unit}</source>
            <translation>目标 {sign} {value} {unit}</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="62" />
            <source>red</source>
            <translation>红</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="62" />
            <source>yellow</source>
            <translation>黄</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="62" />
            <source>green</source>
            <translation>绿</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="63" />
            <source>no data</source>
            <translation>无数据</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="71" />
            <source>On time in full %</source>
            <translation>准时足量率 %</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="71" />
            <source>Changes / 100 lines</source>
            <translation>变更 / 百行</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="72" />
            <source>Complaints / 100 deliveries</source>
            <translation>投诉 / 百次交付</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="73" />
            <source>Payment terms kept %</source>
            <translation>账期遵守率 %</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="77" />
            <source>(none)</source>
            <translation>（不分组）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="77" />
            <source>Product line</source>
            <translation>产品线</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="77" />
            <source>Customer tier</source>
            <translation>客户等级</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="78" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="82" />
            <source>Man 人</source>
            <translation>人</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="82" />
            <source>Machine 机</source>
            <translation>机</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="82" />
            <source>Material 料</source>
            <translation>料</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="83" />
            <source>Method 法</source>
            <translation>法</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="83" />
            <source>Environment 环</source>
            <translation>环</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="84" />
            <source>Measurement 测</source>
            <translation>测</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="88" />
            <source>received</source>
            <translation>收到</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="88" />
            <source>confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="89" />
            <source>released to production</source>
            <translation>下达生产</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="89" />
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="90" />
            <source>corrected</source>
            <translation>更正</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="90" />
            <source>cancelled</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="91" />
            <source>rush requested</source>
            <translation>急单申请</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="91" />
            <source>rush confirmed</source>
            <translation>急单确认</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="92" />
            <source>rush withdrawn</source>
            <translation>急单撤回</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="92" />
            <source>shipped</source>
            <translation>已发运</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="93" />
            <source>invoiced</source>
            <translation>已开票</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="93" />
            <source>exception raised</source>
            <translation>异常上报</translation>
        </message>
        <message>
            <location filename="../../ui/overview/labels.py" line="94" />
            <source>exception closed</source>
            <translation>异常关闭</translation>
        </message>
    </context>
    <context>
        <name>InsightTables</name>
        <message>
            <location filename="../../ui/overview/tables.py" line="26" />
            <location filename="../../ui/overview/tables.py" line="67" />
            <location filename="../../ui/overview/tables.py" line="92" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="27" />
            <location filename="../../ui/overview/tables.py" line="52" />
            <location filename="../../ui/overview/tables.py" line="68" />
            <location filename="../../ui/overview/tables.py" line="93" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="28" />
            <location filename="../../ui/overview/tables.py" line="71" />
            <source>Due</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="29" />
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="30" />
            <source>negative: days late</source>
            <translation>负数为逾期天数</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="31" />
            <source>Production</source>
            <translation>生产</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="32" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="33" />
            <source>Rush</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="50" />
            <source>Health</source>
            <translation>健康度</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="51" />
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="53" />
            <source>Score</source>
            <translation>得分</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="65" />
            <source>Report</source>
            <translation>上报</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="66" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="69" />
            <source>Description</source>
            <translation>描述</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="70" />
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="72" />
            <source>Card</source>
            <translation>经验卡</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="73" />
            <source>draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="74" />
            <source>accepted</source>
            <translation>已通过</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="80" />
            <source>Group</source>
            <translation>分组</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="81" />
            <location filename="../../ui/overview/tables.py" line="90" />
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="82" />
            <source>Median</source>
            <translation>中位数</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="85" />
            <source>Open</source>
            <translation>未完成</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="90" />
            <source>Age</source>
            <translation>账龄</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="94" />
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="95" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="96" />
            <source>Product line</source>
            <translation>产品线</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="97" />
            <source>Start</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="98" />
            <source>Stop</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="112" />
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="113" />
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="114" />
            <source>Detail</source>
            <translation>明细</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="115" />
            <source>Who</source>
            <translation>操作人</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="116" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/overview/tables.py" line="117" />
            <source>Measured</source>
            <translation>计时</translation>
        </message>
    </context>
    <context>
        <name>KpiDrillDialog</name>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="159" />
            <source>KPI drill-down</source>
            <translation>KPI 明细</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="164" />
            <source>by week</source>
            <translation>按周</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="165" />
            <source>by month</source>
            <translation>按月</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="166" />
            <source>KPI</source>
            <translation>指标</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="167" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="168" />
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="169" />
            <source>Break down by</source>
            <translation>分组</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="170" />
            <source>Chart</source>
            <translation>图表</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="171" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="172" />
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="173" />
            <source>Chart to PNG…</source>
            <translation>图表导出 PNG…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="174" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="175" />
            <source>Orders behind the figure</source>
            <translation>构成该数字的订单</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="176" />
            <source>Open cases (ageing, not in the figure)</source>
            <translation>未完成（账龄，不计入数字）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="177" />
            <source>Trail of the selected order (the two events that bound the measured interval are highlighted)</source>
            <translation>所选订单的轨迹（高亮的两条事件即计时的起点和终点）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="232" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="237" />
            <source>{name}: {value} {unit} · median {median} · P90 {p90} · N {n} · {target} · open {open} (median age {age}, oldest {oldest})</source>
            <translation>{name}：{value} {unit} · 中位数 {median} · P90 {p90} · N {n} · {target} · 未完成 {open}（账龄中位 {age}，最久 {oldest}）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="246" />
            <source> Skipped (ends before it starts): {n}.</source>
            <translation> 已跳过（结束早于开始）：{n}。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="302" />
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <location filename="../../ui/overview/kpi_view.py" line="309" />
            <source>Chart to PNG</source>
            <translation>图表导出 PNG</translation>
        </message>
    </context>
    <context>
        <name>KpiTile</name>
        <message>
            <location filename="../../ui/overview/page.py" line="71" />
            <source>median {median} · P90 {p90} · N {n}</source>
            <translation>中位数 {median} · P90 {p90} · N {n}</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="75" />
            <source>open (not in the figure): {n} · median age {median} · oldest {oldest}</source>
            <translation>未完成（不计入）：{n} · 账龄中位 {median} · 最久 {oldest}</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <location filename="../../ui/overview/page.py" line="160" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="163" />
            <source>How the business is doing</source>
            <translation>经营概况</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="164" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="165" />
            <source>KPI details…</source>
            <translation>KPI 明细…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="166" />
            <source>Health board…</source>
            <translation>健康度看板…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="167" />
            <source>Report exception…</source>
            <translation>异常上报…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="168" />
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="169" />
            <source>Generate the handbook…</source>
            <translation>生成手册…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="170" />
            <source>Double-click an open exception to close it with its lessons-learned card.</source>
            <translation>双击未关闭的异常，填写经验卡后关闭。</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="219" />
            <source>Loading…</source>
            <translation>加载中…</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="220" />
            <source>Late orders</source>
            <translation>逾期订单</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="220" />
            <source>At risk</source>
            <translation>有风险</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="221" />
            <source>Red customers</source>
            <translation>红色客户</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="221" />
            <source>Open exceptions</source>
            <translation>未关闭异常</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="227" />
            <source>{start} to {end} · health month {month}</source>
            <translation>{start} 至 {end} · 健康度月份 {month}</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="230" />
            <source>Late orders ({n})</source>
            <translation>逾期订单（{n}）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="231" />
            <source>At risk, due within {days} days ({n})</source>
            <translation>有风险：{days} 天内到期（{n}）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="233" />
            <source>Red customers ({n})</source>
            <translation>红色客户（{n}）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="234" />
            <source>Open exceptions ({n}, {late} overdue)</source>
            <translation>未关闭异常（{n}，超时 {late}）</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="239" />
            <source>{n} lessons-learned cards are accepted ({new} not yet in a handbook): generate 《高频问题应对手册》?</source>
            <translation>已有 {n} 张经验卡通过（{new} 张尚未编入手册）：生成《高频问题应对手册》？</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="294" />
            <source>Export to Excel</source>
            <translation>导出 Excel</translation>
        </message>
        <message>
            <location filename="../../ui/overview/page.py" line="301" />
            <source>Generate the handbook</source>
            <translation>生成手册</translation>
        </message>
    </context>
    <context>
        <name>RedCustomerWarning</name>
        <message>
            <location filename="../../ui/overview/red_warning.py" line="19" />
            <source>⚠ red on the health board ({month}, score {score}): check due dates and terms before confirming</source>
            <translation>⚠ 健康度为红色（{month}，得分 {score}）：确认前请核对交期和账期</translation>
        </message>
    </context>
    <context>
        <name>ReportExceptionAction</name>
        <message>
            <location filename="../../ui/overview/exception_dialog.py" line="301" />
            <source>Report order &amp;exception…</source>
            <translation>订单异常上报(&amp;E)…</translation>
        </message>
    </context>
</TS>
