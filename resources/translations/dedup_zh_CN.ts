<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>dedup</name>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="31"/>
        <location filename="../../ui/sales/similar_popup.py" line="116"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="32"/>
        <source>Requested due date</source>
        <translation>要求交期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="33"/>
        <source>Delivery address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="34"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="35"/>
        <source>Channel and channel order number</source>
        <translation>渠道及渠道单号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="136"/>
        <source>Duplicate matching rules</source>
        <translation>重复订单判定规则</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="137"/>
        <source>Orders of the same customer and product within the time window are compared. Fields that agree raise the match, fields that differ (for example another quantity: a repeat order) lower it.</source>
        <translation>同一客户、同一物料、在时间窗口内的订单会相互比对。字段一致则相似度提高,字段不同(例如数量不同:客户返单)则相似度降低。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="138"/>
        <source>Time window (± minutes)</source>
        <translation>时间窗口(前后分钟)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="139"/>
        <source>Show while typing from</source>
        <translation>录入时提示的相似度下限</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="140"/>
        <source>Flag on import from</source>
        <translation>导入时标记的相似度下限</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="141"/>
        <source>Fields that count</source>
        <translation>参与比对的字段</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="145"/>
        <source>Only a supervisor or PMC may change these rules.</source>
        <translation>只有主管或PMC可以修改这些规则。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/dedup_settings.py" line="147"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="65"/>
        <location filename="../../ui/sales/similar_popup.py" line="120"/>
        <source>Match</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="67"/>
        <source>Earlier order</source>
        <translation>先到订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="68"/>
        <location filename="../../ui/sales/review_queue.py" line="70"/>
        <location filename="../../ui/sales/similar_popup.py" line="115"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="69"/>
        <source>Later order</source>
        <translation>后到订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="71"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="73"/>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="80"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="76"/>
        <source>Found</source>
        <translation>发现方式</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="77"/>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="78"/>
        <source>By</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="79"/>
        <source>When</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="202"/>
        <source>The pairs could not be loaded.</source>
        <extracomment>Emitted on the GUI thread when a reload delivered its rows (count).</extracomment>
        <translation>无法加载疑似重复订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="232"/>
        <source>Merged {later} into {earlier}. U undoes it.</source>
        <translation>已将 {later} 合并到 {earlier}。按 U 可撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="239"/>
        <source>Kept both {a} and {b}; this pair is not proposed again.</source>
        <translation>已保留 {a} 和 {b} 两单,此组合不会再次提示。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="247"/>
        <source>Merge undone: {later} is a separate order again.</source>
        <translation>已撤销合并:{later} 重新成为独立订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="250"/>
        <source>Decision undone: the pair is waiting again.</source>
        <translation>已撤销处理:该组合重新等待处理。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="254"/>
        <source>Export duplicate log</source>
        <translation>导出重复单日志</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="255"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="261"/>
        <source>{count} pairs written to {path}</source>
        <translation>已导出 {count} 组到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="279"/>
        <location filename="../../ui/sales/similar_popup.py" line="329"/>
        <source>Why: {reasons}</source>
        <extracomment>Emitted on the GUI thread after each lookup with the number of orders shown.</extracomment>
        <translation>原因:{reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="282"/>
        <source>{decision} by {user} at {time}</source>
        <translation>{decision}:{user},{time}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="303"/>
        <source>{count} pairs waiting for a decision</source>
        <translation>{count} 组疑似重复待处理</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="305"/>
        <source>{count} pairs</source>
        <translation>{count} 组</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="311"/>
        <source>Waiting for a decision</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="311"/>
        <location filename="../../ui/sales/similar_popup.py" line="85"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="311"/>
        <location filename="../../ui/sales/similar_popup.py" line="84"/>
        <source>Kept both</source>
        <translation>保留两单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="312"/>
        <source>All (duplicate log)</source>
        <translation>全部(重复单日志)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="315"/>
        <source>Merge (M)</source>
        <translation>合并 (M)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="316"/>
        <source>Fold the later order into the earlier one; nothing is deleted and it can be undone.</source>
        <translation>把后到订单并入先到订单;不删除任何数据,可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="317"/>
        <source>Keep both (K)</source>
        <translation>保留 (K)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="318"/>
        <source>Undo (U)</source>
        <translation>撤销 (U)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="319"/>
        <source>Export log…</source>
        <translation>导出日志…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/review_queue.py" line="320"/>
        <source>Matching rules…</source>
        <translation>判定规则…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="53"/>
        <source>same customer (code)</source>
        <translation>同一客户(编码一致)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="54"/>
        <source>same customer by phone</source>
        <translation>同一客户(电话一致)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="55"/>
        <source>same customer by name/alias</source>
        <translation>同一客户(名称/别名一致)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="56"/>
        <source>same buyer name</source>
        <translation>同一买家名称</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="57"/>
        <source>same quantity</source>
        <translation>数量相同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="58"/>
        <source>other quantity</source>
        <translation>数量不同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="59"/>
        <source>same due date</source>
        <translation>交期相同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="60"/>
        <source>other due date</source>
        <translation>交期不同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="61"/>
        <source>same delivery address</source>
        <translation>收货地址相同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="62"/>
        <source>similar delivery address</source>
        <translation>收货地址相近</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="63"/>
        <source>other delivery address</source>
        <translation>收货地址不同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="64"/>
        <source>same contact phone</source>
        <translation>联系电话相同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="65"/>
        <source>other contact phone</source>
        <translation>联系电话不同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="66"/>
        <source>from another channel</source>
        <translation>来自另一渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="67"/>
        <source>same channel, other channel order number</source>
        <translation>同一渠道但渠道单号不同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="68"/>
        <source>some lines differ</source>
        <translation>部分物料不同</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="73"/>
        <source>same SKU</source>
        <translation>同一物料</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="76"/>
        <source>under a minute apart</source>
        <translation>相隔不到1分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="77"/>
        <source>{minutes} minutes apart</source>
        <translation>相隔{minutes}分钟</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="80"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="84"/>
        <source>Waiting</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="89"/>
        <source>While typing</source>
        <translation>录入时</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="89"/>
        <source>Import</source>
        <translation>导入时</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="89"/>
        <source>Found later</source>
        <translation>事后排查</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="90"/>
        <source>Merged by hand</source>
        <translation>手工合并</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="111"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="112"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="118"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="355"/>
        <source>Merged into {order}. The typed order {typed} is kept in its history.</source>
        <translation>已合并到 {order}。录入的订单 {typed} 保留在其历史中。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="375"/>
        <source>Merge undone: {order} is a separate order again.</source>
        <translation>已撤销合并:{order} 重新成为独立订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="423"/>
        <source>Possible duplicates: {count} similar order(s)</source>
        <translation>可能重复:{count} 个相似订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="424"/>
        <source>Possible duplicates</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="425"/>
        <source>Merge into selected</source>
        <translation>合并到所选订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="426"/>
        <source>Fold the order being typed into the selected order: its lines, notes and channel number join that order&apos;s history. Can be undone.</source>
        <translation>把正在录入的订单并入所选订单:其明细、备注和渠道单号记入该订单的历史。可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="427"/>
        <source>Keep both</source>
        <translation>保留两单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="428"/>
        <source>Both orders stay; these orders are not proposed again.</source>
        <translation>两单都保留;这些订单不会再次提示。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="429"/>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../ui/sales/similar_popup.py" line="430"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
