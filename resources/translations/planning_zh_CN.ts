<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>CapacityWarningBanner</name>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="76" />
            <source>Machine capacity could not be checked: {reason}</source>
            <translation>无法检查机台产能:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="82" />
            <source>effective capacity</source>
            <translation>有效产能</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="83" />
            <source>available hours</source>
            <translation>可用工时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="85" />
            <source>{sku}: machine {machine} is loaded {load} of its {basis} before the due date.</source>
            <translation>{sku}:机台 {machine} 在交期前的负荷为{basis}的 {load}。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="89" />
            <source>Approved alternative: {alt} ({load:.0f}%).</source>
            <translation>客户认可的替代机台:{alt}(负荷 {load:.0f}%)。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="92" />
            <source>No alternative: only this machine is approved by the customer.</source>
            <translation>无替代:客户只认可这台机台。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="94" />
            <source>No alternative: every approved machine is over the threshold.</source>
            <translation>无替代:所有认可机台均超过红线。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="96" />
            <source>Realistic promise date: {date}.</source>
            <translation>可实际承诺的交期:{date}。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="103" />
            <source>⚠ {n} orders in this file need a machine that is red before their due date (you can still import them):</source>
            <translation>⚠ 本文件有 {n} 张订单所需机台在交期前已超红线(仍可导入):</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/capacity_warning.py" line="114" />
            <source>You can still save the order.</source>
            <translation>仍可保存订单。</translation>
        </message>
    </context>
    <context>
        <name>HeatmapCanvas</name>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="121" />
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="121" />
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="121" />
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="121" />
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="121" />
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="122" />
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="122" />
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="192" />
            <source>{machine} {start}–{end}: load {load} ({planned:.1f} h planned, {available:.1f} h available, {capacity:.1f} h capacity)</source>
            <translation>{machine} {start}–{end}:负荷 {load}(计划 {planned:.1f} 小时,可用 {available:.1f} 小时,产能 {capacity:.1f} 小时)</translation>
        </message>
    </context>
    <context>
        <name>HeatmapView</name>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="263" />
            <source>Work order</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="264" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="265" />
            <source>SKU</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="266" />
            <source>Hours here</source>
            <translation>本时段工时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="268" />
            <source>Due</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="277" />
            <source>Machine</source>
            <translation>机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="278" />
            <source>Resulting load</source>
            <translation>移入后负荷</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="280" />
            <source>Left here</source>
            <translation>本机剩余负荷</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="282" />
            <source>Due-date effect</source>
            <translation>对交期的影响</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="283" />
            <source>Fits</source>
            <translation>可行</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="284" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="351" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="352" />
            <source>Machines and routings…</source>
            <translation>机台与工艺路线…</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="353" />
            <source>Suggest alternative</source>
            <translation>建议替代机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="354" />
            <source>Accept: move the work order</source>
            <translation>采纳:将工单移到该机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="358" />
            <source>green</source>
            <translation>绿</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="358" />
            <source>amber</source>
            <translation>黄</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="359" />
            <source>red</source>
            <translation>红</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="359" />
            <source>not available (no shift, downtime)</source>
            <translation>不可用(无班次、停机)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="372" />
            <source>load = planned hours ÷ (available hours × expected OEE)</source>
            <translation>负荷 = 计划工时 ÷(可用工时 × 预期 OEE)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="373" />
            <source>load = planned hours ÷ available hours</source>
            <translation>负荷 = 计划工时 ÷ 可用工时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="378" />
            <source>Loading machine load…</source>
            <translation>正在计算机台负荷…</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="381" />
            <source>hourly</source>
            <translation>按小时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="382" />
            <source>{n}-hour buckets</source>
            <translation>每 {n} 小时一段</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="384" />
            <source>Next {hours} h from {start}, {bucket}; {basis}; green under {green:g}%, amber to {red:g}%, red over {red:g}%. {over} of {total} machines red.</source>
            <translation>自 {start} 起未来 {hours} 小时,{bucket};{basis};低于 {green:g}% 为绿,至 {red:g}% 为黄,超过 {red:g}% 为红。{total} 台中有 {over} 台为红。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="392" />
            <source>no other machine is approved by the customer for this product</source>
            <translation>客户没有认可该产品的其他机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="394" />
            <source>the product has no routing: no machine is known for it</source>
            <translation>该产品没有工艺路线:不知道由哪台机台生产</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="395" />
            <source>every approved alternative would go over the red threshold</source>
            <translation>所有认可的替代机台都会超过红线</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="397" />
            <source>over the red threshold</source>
            <translation>超过红线</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="398" />
            <source>no work order loads the red buckets</source>
            <translation>没有工单占用红色时段</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="404" />
            <source>no free time found</source>
            <translation>找不到空闲时间</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="406" />
            <source>done {when}</source>
            <translation>{when} 完成</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="408" />
            <source>done {when}, {days} d after due</source>
            <translation>{when} 完成,晚于交期 {days} 天</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="410" />
            <source>done {when}, on time</source>
            <translation>{when} 完成,不误交期</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="462" />
            <source>Click a cell to see the work orders that load it.</source>
            <translation>点击格子,查看占用该时段的工单。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="470" />
            <source>press</source>
            <translation>注塑机</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="470" />
            <source>CNC</source>
            <translation>CNC</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="470" />
            <source>machine</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="472" />
            <source>{code} — {kind}{tons} — peak {load}</source>
            <translation>{code} — {kind}{tons} — 峰值 {load}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="476" />
            <source>OEE: no machine logs in the period; expected OEE {oee:.0%} as configured.</source>
            <translation>OEE:期间内没有机台记录;按设定的预期 OEE {oee:.0%}。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="480" />
            <source>OEE {oee:.1%} = availability {a:.1%} × performance {p:.1%} × quality {q:.1%} ({start} to {end}, {n} shifts)</source>
            <translation>OEE {oee:.1%} = 时间开动率 {a:.1%} × 性能开动率 {p:.1%} × 合格品率 {q:.1%}({start} 至 {end},{n} 个班次)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="486" />
            <source>no shift calendar: taken as running round the clock</source>
            <translation>没有班次日历:按全天运转计算</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="488" />
            <source>a work order's window has no available time</source>
            <translation>有工单的时间窗内没有可用时间</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="490" />
            <source>performance over 100%: check the ideal cycle time</source>
            <translation>性能开动率超过 100%:请核对理想周期</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="495" />
            <source>{start}–{end}: load {load}; {planned:.2f} h planned, {available:.2f} h available, {capacity:.2f} h capacity</source>
            <translation>{start}–{end}:负荷 {load};计划 {planned:.2f} 小时,可用 {available:.2f} 小时,产能 {capacity:.2f} 小时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="522" />
            <source>Looking for approved machines…</source>
            <translation>正在查找客户认可的机台…</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="534" />
            <source>No alternative: {reason}</source>
            <translation>无替代:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="539" />
            <source>Nothing moves until you accept.</source>
            <translation>在您采纳前不会有任何变动。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="548" />
            <source>Move work order</source>
            <translation>移动工单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="549" />
            <source>Move {wo} to {machine}? It takes {hours:.2f} h there; the change is recorded and sent to the other stations.</source>
            <translation>将 {wo} 移到 {machine}?在该机台需 {hours:.2f} 小时;此变更会记录并同步到其他工作站。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/heatmap.py" line="559" />
            <source>{wo} moved to {machine}.</source>
            <translation>{wo} 已移到 {machine}。</translation>
        </message>
    </context>
    <context>
        <name>PlanningSetupDialog</name>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="70" />
            <location filename="../../ui/pmc/machines_dialog.py" line="186" />
            <location filename="../../ui/pmc/machines_dialog.py" line="255" />
            <location filename="../../ui/pmc/machines_dialog.py" line="450" />
            <location filename="../../ui/pmc/machines_dialog.py" line="480" />
            <source>Machine</source>
            <translation>机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="71" />
            <location filename="../../ui/pmc/machines_dialog.py" line="459" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="72" />
            <location filename="../../ui/pmc/machines_dialog.py" line="459" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="73" />
            <location filename="../../ui/pmc/machines_dialog.py" line="460" />
            <source>Tonnage</source>
            <translation>吨位</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="74" />
            <location filename="../../ui/pmc/machines_dialog.py" line="460" />
            <source>Expected OEE</source>
            <translation>预期 OEE</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="75" />
            <location filename="../../ui/pmc/machines_dialog.py" line="461" />
            <source>Active</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="76" />
            <source>Shifts</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="157" />
            <source>injection press</source>
            <translation>注塑机</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="157" />
            <source>CNC</source>
            <translation>CNC</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="158" />
            <source>other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="185" />
            <location filename="../../ui/pmc/machines_dialog.py" line="254" />
            <location filename="../../ui/pmc/machines_dialog.py" line="449" />
            <location filename="../../ui/pmc/machines_dialog.py" line="480" />
            <source>SKU</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="187" />
            <location filename="../../ui/pmc/machines_dialog.py" line="481" />
            <source>Customer-approved</source>
            <translation>客户认可</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="189" />
            <source>Priority</source>
            <translation>优先级</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="190" />
            <source>Cycle s</source>
            <translation>周期(秒)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="191" />
            <location filename="../../ui/pmc/machines_dialog.py" line="483" />
            <source>Cavities</source>
            <translation>穴数</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="192" />
            <source>Setup min</source>
            <translation>换模(分钟)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="252" />
            <location filename="../../ui/pmc/machines_dialog.py" line="449" />
            <source>Work order</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="253" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="256" />
            <location filename="../../ui/pmc/machines_dialog.py" line="450" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="257" />
            <source>Planned hours</source>
            <translation>计划工时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="258" />
            <location filename="../../ui/pmc/machines_dialog.py" line="451" />
            <source>From</source>
            <translation>开始</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="259" />
            <location filename="../../ui/pmc/machines_dialog.py" line="451" />
            <source>To</source>
            <translation>结束</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="334" />
            <source>cancelled in the planning set-up</source>
            <translation>在计划设置中取消</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="415" />
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="427" />
            <source>Machines workbook</source>
            <translation>机台工作簿</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="428" />
            <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
            <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="438" />
            <source>Imported: {counts}</source>
            <translation>已导入:{counts}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="443" />
            <source>Machines, routings and planning settings</source>
            <translation>机台、工艺路线与计划设置</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="444" />
            <source>Machines</source>
            <translation>机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="445" />
            <source>Approved machines per product</source>
            <translation>产品的认可机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="446" />
            <source>Work orders</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="447" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="449" />
            <source>Order (optional)</source>
            <translation>订单(可选)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="451" />
            <source>Planned hours (0 = from the routing)</source>
            <translation>计划工时(0 = 按工艺路线计算)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="453" />
            <source>Save work order</source>
            <translation>保存工单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="454" />
            <source>Cancel work order</source>
            <translation>取消工单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="455" />
            <source>machine code (Enter); empty lists all</source>
            <translation>机台编号(回车);留空列出全部</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="457" />
            <source>Import workbook…</source>
            <translation>导入工作簿…</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="458" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="459" />
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="463" />
            <source>Save machine</source>
            <translation>保存机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="464" />
            <source>Shift (name, day; from – to)</source>
            <translation>班次(名称、星期;起–止)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="465" />
            <source>e.g. day shift</source>
            <translation>如 白班</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="466" />
            <source>Set shift for this machine</source>
            <translation>为该机台设置班次</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="467" />
            <source>every day</source>
            <translation>每天</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="467" />
            <source>Mon</source>
            <translation>周一</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="467" />
            <source>Tue</source>
            <translation>周二</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="467" />
            <source>Wed</source>
            <translation>周三</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="468" />
            <source>Thu</source>
            <translation>周四</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="468" />
            <source>Fri</source>
            <translation>周五</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="468" />
            <source>Sat</source>
            <translation>周六</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="468" />
            <source>Sun</source>
            <translation>周日</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="474" />
            <source>Downtime from</source>
            <translation>停机开始</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="474" />
            <source>Downtime to</source>
            <translation>停机结束</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="475" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="477" />
            <source>Plan downtime for this machine</source>
            <translation>为该机台安排停机</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="482" />
            <source>Cycle per shot (s)</source>
            <translation>每模周期(秒)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="483" />
            <source>Setup (min)</source>
            <translation>换模(分钟)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="484" />
            <source>Priority (1 = usual)</source>
            <translation>优先级(1 = 常用机台)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="486" />
            <source>Save routing</source>
            <translation>保存工艺路线</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="487" />
            <source>SKU (Enter); empty lists all</source>
            <translation>物料编码(回车);留空列出全部</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="488" />
            <source>effective capacity: available hours × expected OEE</source>
            <translation>有效产能:可用工时 × 预期 OEE</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="489" />
            <source>plain: available hours</source>
            <translation>直接对比:可用工时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="491" />
            <source>92% rule compares planned hours with</source>
            <translation>92% 规则:计划工时对比</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="491" />
            <source>Green below</source>
            <translation>绿色低于</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="492" />
            <source>Red above</source>
            <translation>红色高于</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="492" />
            <source>Horizon (hours)</source>
            <translation>展望时长(小时)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="492" />
            <source>Bucket (hours)</source>
            <translation>时段长度(小时)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="493" />
            <source>Customs alert above (of the median)</source>
            <translation>清关超过中位数的此比例时预警</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="494" />
            <source>Median of the last N clearances</source>
            <translation>取最近 N 次清关的中位数</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="494" />
            <source>…within (days)</source>
            <translation>…限于最近(天)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="495" />
            <source>Minimum sample per lane (else the port's median)</source>
            <translation>每条通道最少样本数(不足则用口岸中位数)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/machines_dialog.py" line="497" />
            <source>Save settings</source>
            <translation>保存设置</translation>
        </message>
    </context>
    <context>
        <name>PlanningTabs</name>
        <message>
            <location filename="../../ui/pmc/planning_tabs.py" line="73" />
            <source>Machine load</source>
            <translation>机台负荷</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/planning_tabs.py" line="74" />
            <source>Supply risk</source>
            <translation>供应风险</translation>
        </message>
    </context>
    <context>
        <name>SupplyRiskView</name>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="55" />
            <location filename="../../ui/pmc/supply_risk.py" line="74" />
            <source>Shipment</source>
            <translation>货运单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="56" />
            <location filename="../../ui/pmc/supply_risk.py" line="75" />
            <source>Material</source>
            <translation>物料</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="58" />
            <location filename="../../ui/pmc/supply_risk.py" line="76" />
            <source>Port × customs × broker</source>
            <translation>口岸 × 海关 × 报关行</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="61" />
            <source>Held</source>
            <translation>已滞留</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="62" />
            <source>{h:.0f} h</source>
            <translation>{h:.0f} 小时</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="64" />
            <source>Against the usual time</source>
            <translation>与常规用时相比</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="65" />
            <source>Inspection</source>
            <translation>查验</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="66" />
            <source>Orders at risk</source>
            <translation>受影响订单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="78" />
            <source>Needs attention</source>
            <translation>需要处理</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="90" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="91" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="92" />
            <source>Due now</source>
            <translation>现交期</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="93" />
            <source>Proposed</source>
            <translation>建议交期</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="94" />
            <source>Later by</source>
            <translation>推迟</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="95" />
            <source>{n} d</source>
            <translation>{n} 天</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="97" />
            <source>Machine</source>
            <translation>机台</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="98" />
            <source>no routing</source>
            <translation>无工艺路线</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="151" />
            <source>{ratio:.2f}× median ({hours:.0f} h, n={n}, last {days} days)</source>
            <translation>中位数的 {ratio:.2f} 倍({hours:.0f} 小时,n={n},近 {days} 天)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="154" />
            <source>port median: the lane has only n={n}</source>
            <translation>口岸中位数:该通道只有 n={n}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="160" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="160" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="160" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="164" />
            <source>arrival time missing</source>
            <translation>缺到港时间</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="165" />
            <source>declaration time missing</source>
            <translation>缺申报时间</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="166" />
            <source>release time missing</source>
            <translation>缺放行时间</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="167" />
            <source>gate-out time missing</source>
            <translation>缺提柜时间</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="168" />
            <source>time at customs unknown (no arrival)</source>
            <translation>清关用时未知(无到港时间)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="169" />
            <source>too few clearances on the lane and the port to judge</source>
            <translation>该通道和口岸的清关记录太少,无法判断</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="170" />
            <source>inspection yes/no not reported</source>
            <translation>未报是否查验</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="171" />
            <source>ETA passed, no arrival reported</source>
            <translation>已过预计到港时间,未报到港</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="172" />
            <source>port median used</source>
            <translation>使用口岸中位数</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="178" />
            <source>{later} before {earlier}</source>
            <translation>{later} 早于 {earlier}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="180" />
            <source>{what} in the future</source>
            <translation>{what} 时间在未来</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="184" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="185" />
            <source>Import broker sheet…</source>
            <translation>导入报关行表格…</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="186" />
            <source>Shipments with missing or inconsistent milestones (never counted as zero)</source>
            <translation>节点缺失或矛盾的货运(绝不按零计算)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="188" />
            <location filename="../../ui/pmc/supply_risk.py" line="272" />
            <source>Confirm reschedule</source>
            <translation>确认改期</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="189" />
            <source>Re-dates the selected orders (all when none is selected), notifies sales</source>
            <translation>改选中订单的交期(未选中则全部),并通知销售</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="204" />
            <source>Loading customs clearance…</source>
            <translation>正在读取清关情况…</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="207" />
            <source>{alerts} imported shipments held past their usual clearance time, {open} open at customs. Baseline: median of the lane's recent clearances.</source>
            <translation>{alerts} 票进口货物清关超出常规用时,{open} 票仍在海关。基准:该通道近期清关用时的中位数。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="245" />
            <source>Select an alert to see the orders it puts at risk.</source>
            <translation>选择一条预警,查看受影响的订单。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="250" />
            <source>{ref}: {material} can be at the plant about {ready} (one more usual clearance, then the usual time to the plant). {n} of {dep} orders that need it would be late; proposed dates, sequenced on their machines:</source>
            <translation>{ref}:{material} 预计约 {ready} 到厂(再需一次常规清关时间,加常规运到工厂时间)。需要它的 {dep} 张订单中有 {n} 张会延误;按机台排产后的建议交期:</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="273" />
            <source>Re-date {n} orders to the proposed dates and notify sales? The change is recorded in each order's history.</source>
            <translation>将 {n} 张订单改为建议交期并通知销售?变更会记入每张订单的历史。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="283" />
            <source>{n} orders re-dated; sales notified.</source>
            <translation>{n} 张订单已改期;已通知销售。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="285" />
            <source>Group robot message queued.</source>
            <translation>群机器人消息已排队发送。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="295" />
            <source>Broker sheet</source>
            <translation>报关行表格</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="296" />
            <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
            <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/supply_risk.py" line="306" />
            <source>Shipments: {c} new, {u} updated.</source>
            <translation>货运:新增 {c},更新 {u}。</translation>
        </message>
    </context>
    <context>
        <name>planning_errors</name>
        <message>
            <location filename="../../ui/pmc/planning_tabs.py" line="22" />
            <source>{path} has {count} problem(s); nothing was imported. First: {first}</source>
            <translation>{path} 有 {count} 处问题,未导入任何数据。第一处:{first}</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/planning_tabs.py" line="30" />
            <source>Machine {machine} is not approved for {sku}: it is not on the customer-approved list.</source>
            <translation>机台 {machine} 未获准生产 {sku}:不在客户认可机台清单中。</translation>
        </message>
        <message>
            <location filename="../../ui/pmc/planning_tabs.py" line="37" />
            <source>Order {order} changed after the proposal was made; nothing was re-dated. Refresh and confirm the new proposal.</source>
            <translation>订单 {order} 在建议生成后已被修改,未改任何交期。请刷新并确认新的建议。</translation>
        </message>
    </context>
</TS>
