<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>dedup</name>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="41" />
            <location filename="../../ui/sales/similar_popup.py" line="198" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="42" />
            <source>Requested due date</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="43" />
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="44" />
            <source>Contact phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="45" />
            <source>Channel and channel order number</source>
            <translation>渠道及渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="46" />
            <source>Customer PO number</source>
            <translation>客户PO号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="51" />
            <source>Desk (say nothing)</source>
            <translation>录单(单号不作判断)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="52" />
            <source>Platform (count against)</source>
            <translation>平台(单号不同算反证)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="62" />
            <source>precision {p}, recall {r}, {misses} missed, {alarms} false alarms</source>
            <translation>精确率 {p},召回率 {r},漏报 {misses} 对,误报 {alarms} 对</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="68" />
            <source>No decided pairs yet: nothing to check against.</source>
            <translation>还没有已处理的疑似重复对,暂无可检验的数据。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="69" />
            <source>On {merged} merged and {kept} kept pairs. Saved rules: {saved}. These settings: {edited}.</source>
            <translation>基于 {merged} 对已合并、{kept} 对保留两单的记录。已保存的规则:{saved}。当前设置:{edited}。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="221" />
            <source>Checking…</source>
            <extracomment>(saved rules' check, edited rules' check) after "Check on decided pairs".</extracomment>
            <translation>正在检验…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="272" />
            <source>Duplicate matching rules</source>
            <translation>重复订单判定规则</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="273" />
            <source>Orders of the same customer and product within the search span are compared. Content decides: fields that agree raise the match, fields that differ (another quantity, due date or plant address: a repeat order) lower it. Time counts fully within minutes and fades with the gap.</source>
            <translation>在搜索范围内比较同一客户、同一物料的订单。由内容决定:一致的字段提高相似度,不同的字段(数量、交期或工厂地址不同:即重复下单)降低相似度。几分钟内的时间差完全计入,间隔越长作用越弱。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="274" />
            <source>Within minutes (± minutes)</source>
            <translation>几分钟内(± 分钟)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="275" />
            <source>Time halves the score after</source>
            <translation>相似度减半的时间间隔</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="276" />
            <source>Search span (± minutes)</source>
            <translation>搜索范围(± 分钟)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="277" />
            <source>What channel order numbers mean</source>
            <translation>渠道单号的含义</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="278" />
            <source>Desk: numbers typed or given at our desk (phone, WeChat, e-mail, Excel, old web system) say nothing. Platform: marketplace numbers count against a match, but a double order minutes apart is still flagged.</source>
            <translation>录单:我方录入或分配的单号(电话、微信、邮件、Excel、老系统)不作判断。平台:电商平台单号不同算反证,但几分钟内的重复下单仍会被标记。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="280" />
            <source>Numbers</source>
            <translation>单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="285" />
            <source>Check on decided pairs</source>
            <translation>用已处理记录检验</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="286" />
            <source>How the saved and the edited rules score the pairs people merged or kept, before saving.</source>
            <translation>保存前查看:已保存的规则和当前设置分别如何判定已合并或已保留的订单对。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="287" />
            <source>Show while typing from</source>
            <translation>录入时提示的相似度下限</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="288" />
            <source>Flag on import from</source>
            <translation>导入时标记的相似度下限</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="289" />
            <source>Fields that count</source>
            <translation>参与比对的字段</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="293" />
            <source>Only a supervisor or PMC may change these rules.</source>
            <translation>只有主管或PMC可以修改这些规则。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="296" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="72" />
            <location filename="../../ui/sales/similar_popup.py" line="202" />
            <source>Match</source>
            <translation>相似度</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="74" />
            <source>Earlier order</source>
            <translation>先到订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="75" />
            <location filename="../../ui/sales/review_queue.py" line="77" />
            <location filename="../../ui/sales/similar_popup.py" line="197" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="76" />
            <source>Later order</source>
            <translation>后到订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="78" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="80" />
            <source>Lines</source>
            <translation>明细</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="87" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="83" />
            <source>Found</source>
            <translation>发现方式</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="84" />
            <source>Decision</source>
            <translation>处理结果</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="85" />
            <source>By</source>
            <translation>处理人</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="86" />
            <source>When</source>
            <translation>处理时间</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="107" />
            <source>Current rules on decided pairs: none decided yet.</source>
            <translation>当前规则检验:还没有已处理的订单对。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="108" />
            <source>Current rules on {merged} merged and {kept} kept pairs: precision {p}, recall {r}.</source>
            <translation>当前规则在 {merged} 对已合并、{kept} 对保留两单的记录上:精确率 {p},召回率 {r}。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="112" />
            <source>Missed (merged, not flagged): {pairs}.</source>
            <translation>漏报(已合并但未标记):{pairs}。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="115" />
            <source>False alarms (kept, flagged): {pairs}.</source>
            <translation>误报(保留两单但被标记):{pairs}。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="218" />
            <source>Start-up check: {count} new possible duplicate pairs.</source>
            <extracomment>Emitted on the GUI thread when a reload delivered its rows (count). Emitted when the start-up scan finished (QueueRefresh). Emitted when the rules check of the log view arrived (RulesCheck).</extracomment>
            <translation>启动检查:新发现 {count} 对疑似重复订单。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="226" />
            <source>The start-up duplicate check could not run; it runs again at the next start.</source>
            <translation>启动时的重复订单检查未能运行,下次启动时会再次运行。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="271" />
            <source>The pairs could not be loaded.</source>
            <translation>无法加载疑似重复订单。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="301" />
            <source>Merged {later} into {earlier}. U undoes it.</source>
            <translation>已将 {later} 合并到 {earlier}。按 U 可撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="308" />
            <source>Kept both {a} and {b}; this pair is not proposed again.</source>
            <translation>已保留 {a} 和 {b} 两单,此组合不会再次提示。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="316" />
            <source>Merge undone: {later} is a separate order again.</source>
            <translation>已撤销合并:{later} 重新成为独立订单。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="319" />
            <source>Decision undone: the pair is waiting again.</source>
            <translation>已撤销处理:该组合重新等待处理。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="323" />
            <source>Export duplicate log</source>
            <translation>导出重复单日志</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="324" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="330" />
            <source>{count} pairs written to {path}</source>
            <translation>已导出 {count} 组到 {path}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="348" />
            <location filename="../../ui/sales/similar_popup.py" line="497" />
            <source>Why: {reasons}</source>
            <extracomment>Emitted on the GUI thread after each lookup with the number of orders shown.</extracomment>
            <translation>原因:{reasons}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="351" />
            <source>{decision} by {user} at {time}</source>
            <translation>{decision}:{user},{time}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="372" />
            <source>{count} pairs waiting for a decision</source>
            <translation>{count} 组疑似重复待处理</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="374" />
            <source>{count} pairs</source>
            <translation>{count} 组</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="380" />
            <source>Waiting for a decision</source>
            <translation>待处理</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="380" />
            <location filename="../../ui/sales/similar_popup.py" line="167" />
            <source>Merged</source>
            <translation>已合并</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="380" />
            <location filename="../../ui/sales/similar_popup.py" line="166" />
            <source>Kept both</source>
            <translation>保留两单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="381" />
            <source>All (duplicate log)</source>
            <translation>全部(重复单日志)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="384" />
            <source>Merge (M)</source>
            <translation>合并 (M)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="385" />
            <source>Fold the later order into the earlier one; nothing is deleted and it can be undone.</source>
            <translation>把后到订单并入先到订单;不删除任何数据,可以撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="386" />
            <source>Keep both (K)</source>
            <translation>保留 (K)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="387" />
            <source>Undo (U)</source>
            <translation>撤销 (U)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="388" />
            <source>Export log…</source>
            <translation>导出日志…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/review_queue.py" line="389" />
            <source>Matching rules…</source>
            <translation>判定规则…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="127" />
            <source>same customer (code)</source>
            <translation>同一客户(编码一致)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="128" />
            <source>same customer by phone</source>
            <translation>同一客户(电话一致)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="129" />
            <source>same customer by name/alias</source>
            <translation>同一客户(名称/别名一致)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="130" />
            <source>same buyer name</source>
            <translation>同一买家名称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="131" />
            <source>same quantity</source>
            <translation>数量相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="132" />
            <source>other quantity</source>
            <translation>数量不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="133" />
            <source>same due date</source>
            <translation>交期相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="134" />
            <source>other due date</source>
            <translation>交期不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="135" />
            <source>same delivery address</source>
            <translation>收货地址相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="136" />
            <source>similar delivery address</source>
            <translation>收货地址相近</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="137" />
            <source>other delivery address</source>
            <translation>收货地址不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="138" />
            <source>same contact phone</source>
            <translation>联系电话相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="139" />
            <source>other contact phone</source>
            <translation>联系电话不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="140" />
            <source>from another channel</source>
            <translation>来自另一渠道</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="141" />
            <source>same channel, other channel order number</source>
            <translation>同一渠道但渠道单号不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="142" />
            <source>some lines differ</source>
            <translation>部分物料不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="143" />
            <source>same lines</source>
            <translation>物料明细相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="144" />
            <source>same customer by delivery address</source>
            <translation>同一客户(收货地址一致)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="145" />
            <source>same line due dates</source>
            <translation>行交期相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="146" />
            <source>other line due dates</source>
            <translation>行交期不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="147" />
            <source>same customer PO</source>
            <translation>客户PO相同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="148" />
            <source>other customer PO</source>
            <translation>客户PO不同</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="149" />
            <source>another order number of the same platform</source>
            <translation>同一平台的另一平台单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="150" />
            <source>entered again in the same channel</source>
            <translation>同一渠道再次录入</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="155" />
            <source>same SKU</source>
            <translation>同一物料</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="158" />
            <source>under a minute apart</source>
            <translation>相隔不到1分钟</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="159" />
            <source>{minutes} minutes apart</source>
            <translation>相隔{minutes}分钟</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="162" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="166" />
            <source>Waiting</source>
            <translation>待处理</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="171" />
            <source>While typing</source>
            <translation>录入时</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="171" />
            <source>Import</source>
            <translation>导入时</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="171" />
            <source>Found later</source>
            <translation>事后排查</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="172" />
            <source>Merged by hand</source>
            <translation>手工合并</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="193" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="598" />
            <source>Dismiss (Esc)</source>
            <translation>关闭(Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="599" />
            <source>Drag to move.</source>
            <translation>拖动可移动。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="600" />
            <source>Alt+M merge · Alt+K keep both · Esc dismiss · Alt+↓/↑ another order</source>
            <translation>Alt+M 合并 · Alt+K 保留两单 · Esc 关闭 · Alt+↓/↑ 选择其他订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/dedup_settings.py" line="279" />
            <location filename="../../ui/sales/similar_popup.py" line="194" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="200" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="523" />
            <source>Merged into {order}. The typed order {typed} is kept in its history.</source>
            <translation>已合并到 {order}。录入的订单 {typed} 保留在其历史中。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="543" />
            <source>Merge undone: {order} is a separate order again.</source>
            <translation>已撤销合并:{order} 重新成为独立订单。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="591" />
            <source>Possible duplicates: {count} similar order(s)</source>
            <translation>可能重复:{count} 个相似订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="592" />
            <source>Possible duplicates</source>
            <translation>可能重复</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="593" />
            <source>Merge into selected</source>
            <translation>合并到所选订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="594" />
            <source>Fold the order being typed into the selected order: its lines, notes and channel number join that order's history. Can be undone.</source>
            <translation>把正在录入的订单并入所选订单:其明细、备注和渠道单号记入该订单的历史。可以撤销。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="595" />
            <source>Keep both</source>
            <translation>保留两单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="596" />
            <source>Both orders stay; these orders are not proposed again.</source>
            <translation>两单都保留;这些订单不会再次提示。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/similar_popup.py" line="597" />
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
    </context>
</TS>
