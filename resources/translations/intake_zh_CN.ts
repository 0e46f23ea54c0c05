<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ImportPreviewWidget</name>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="271" />
            <source>Open order sheet…</source>
            <extracomment>the customer the whole file belongs to (sheets without a customer column) order time for rows that carry none (None: now); tests pin it</extracomment>
            <translation>打开订单表…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="272" />
            <source>Import catalog workbook…</source>
            <translation>导入基础资料表…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="273" />
            <source>Customers, products with nicknames, BOMs, stock and incoming receipts, one sheet each</source>
            <translation>客户、产品(含俗称)、BOM、库存、在途,每种一个工作表</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="276" />
            <source>Excel (.xlsx, .xls) or CSV from a customer, the old system or a marketplace; or drop a file here.</source>
            <translation>客户、老系统或电商平台导出的 Excel(.xlsx、.xls)或 CSV;也可把文件拖到这里。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="278" />
            <source>Whole file belongs to</source>
            <translation>整个文件的客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="280" />
            <source>For sheets without a customer column. Column corrections are remembered for this customer too.</source>
            <translation>用于没有客户列的表格。列的修正也会按该客户记住。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="283" />
            <location filename="../../ui/sales/import_preview.py" line="285" />
            <source>(customer column of the file)</source>
            <translation>(按文件中的客户列)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="286" />
            <source>Columns (correct the mapping if needed)</source>
            <translation>列(如有不对请修改对应关系)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="287" />
            <location filename="../../ui/sales/import_preview.py" line="299" />
            <location filename="../../ui/sales/import_preview.py" line="654" />
            <source>Rows</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="288" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="289" />
            <source>Customers not in the catalog</source>
            <translation>客户目录中没有的客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="290" />
            <source>Column in file</source>
            <translation>文件中的列</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="290" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="291" />
            <source>Confidence</source>
            <translation>把握</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="291" />
            <source>Found by</source>
            <translation>识别方式</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="292" />
            <source>I checked the highlighted columns: import with this mapping</source>
            <translation>我已核对标黄的列:按此对应关系导入</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="296" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="296" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="297" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="297" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="298" />
            <source>Customer in file</source>
            <translation>文件中的客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="299" />
            <source>Action</source>
            <translation>处理</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="300" />
            <source>Import good rows</source>
            <translation>导入正确的行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="301" />
            <source>Export rejected rows…</source>
            <translation>导出被拒绝的行…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="321" />
            <source>Open order sheet</source>
            <translation>打开订单表</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="340" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="402" />
            <source>{name} — sheet {sheet}, header on row {row}</source>
            <translation>{name} — 工作表 {sheet},表头在第 {row} 行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="409" />
            <source>Customer of the whole file found in its title rows: {text}</source>
            <translation>已从表头上方的标题行识别出整个文件的客户:{text}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="429" />
            <source>{good} good rows ({orders} orders), {bad} rejected</source>
            <translation>正确 {good} 行({orders} 单),拒绝 {bad} 行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="432" />
            <source>this file was imported before: orders already in orderdesk will be skipped</source>
            <translation>此文件导入过:系统中已有的订单将跳过</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="479" />
            <source>you</source>
            <translation>手动</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="481" />
            <source>remembered</source>
            <translation>已记住</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="486" />
            <source>known SKUs</source>
            <translation>目录中的物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="486" />
            <source>known customers</source>
            <translation>目录中的客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="487" />
            <source>known customer codes</source>
            <translation>目录中的客户编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="488" />
            <source>known customer phones</source>
            <translation>目录中客户的电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="488" />
            <source>phone numbers</source>
            <translation>电话号码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="489" />
            <source>dates</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="489" />
            <source>quantities</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="490" />
            <source>prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="490" />
            <source>order numbers</source>
            <translation>单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="491" />
            <source>names</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="491" />
            <source>the earlier</source>
            <translation>较早</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="492" />
            <source>the later</source>
            <translation>较晚</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="494" />
            <source>header {header}</source>
            <translation>表头 {header}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="496" />
            <source>header {header} + {share}% {what}</source>
            <translation>表头 {header} + {share}% 是{what}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="499" />
            <source>content: {what} date column</source>
            <translation>内容:日期{what}的一列</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="501" />
            <source>content: dates after today</source>
            <translation>内容:日期都晚于今天</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="502" />
            <source>content: dates up to today</source>
            <translation>内容:日期都不晚于今天</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="503" />
            <source>content: {share}% {what}</source>
            <translation>内容:{share}% 是{what}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="531" />
            <source>Reject these rows</source>
            <translation>拒绝这些行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="532" />
            <source>Create new customer</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="534" />
            <source>Is {code} {name}</source>
            <translation>即 {code} {name}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="571" />
            <source>Importing orders</source>
            <translation>正在导入订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="583" />
            <source>Imported {imported} orders; {skipped} already present; {flagged} flagged as possible duplicates; {rejected} rows rejected.</source>
            <translation>导入 {imported} 单;已存在 {skipped} 单;疑似重复 {flagged} 单;拒绝 {rejected} 行。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="600" />
            <source>Import catalog workbook</source>
            <translation>导入基础资料表</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="612" />
            <source>Importing catalog</source>
            <translation>正在导入基础资料</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="618" />
            <source>customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="618" />
            <source>products</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="619" />
            <source>BOM lines</source>
            <translation>BOM 行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="619" />
            <source>stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="620" />
            <source>receipts</source>
            <translation>在途</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="621" />
            <source>{sheet}: {kind} {created} new, {updated} updated, {rejected} rejected</source>
            <translation>{sheet}:{kind} 新增 {created},更新 {updated},拒绝 {rejected}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="647" />
            <source>Save rejected rows</source>
            <translation>保存被拒绝的行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="657" />
            <source>Rejected rows saved to {path}</source>
            <translation>被拒绝的行已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>MessagePane</name>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="144" />
            <source>Paste the message (WeChat, SMS, phone note):</source>
            <translation>粘贴消息(微信、短信、电话记录):</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="145" />
            <source>e.g. 王工:恒锐要BRK-1001 5000个,下周三前交,加急</source>
            <translation>例如:王工:恒锐要BRK-1001 5000个,下周三前交,加急</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="146" />
            <source>Sender's phone</source>
            <translation>发送人电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="147" />
            <source>optional: finds the customer by phone</source>
            <translation>可选:按电话识别客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="148" />
            <source>Propose order (Ctrl+Enter)</source>
            <translation>生成建议(Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="149" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="150" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="151" />
            <source>Urgent</source>
            <translation>加急</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="152" />
            <source>Change</source>
            <translation>改动</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="153" />
            <source>From the words</source>
            <translation>原文</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="153" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="154" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="155" />
            <source>Make draft order</source>
            <translation>生成草稿订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="179" />
            <source>(confidence {pct}%)</source>
            <translation>(把握 {pct}%)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="190" />
            <source>(choose the customer)</source>
            <translation>(请选择客户)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="193" />
            <source>Several customers match: choose one.</source>
            <translation>匹配到多个客户:请选择一个。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="194" />
            <source>No customer recognised.</source>
            <translation>未识别出客户。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="196" />
            <source>The message names "{name}", which is not in the catalog.</source>
            <translation>消息中提到“{name}”,客户目录中没有。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="200" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="200" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="218" />
            <source>(choose: {why})</source>
            <translation>(请选择:{why})</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="234" />
            <source>What is "{text}"? It is no quantity of any line.</source>
            <translation>“{text}”是什么?它不是任何一行的数量。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="235" />
            <source>What does "{text}" mean here?</source>
            <translation>这里的“{text}”是什么意思?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="236" />
            <source>"{text}" is no catalog code: which product is it?</source>
            <translation>“{text}”不是目录中的编码:是哪个产品?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="237" />
            <source>Which product does the message order?</source>
            <translation>消息订的是哪个产品?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="238" />
            <source>How many of "{text}"?</source>
            <translation>“{text}”要多少?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="239" />
            <source>Which product is "{text}"?</source>
            <translation>“{text}”是哪个产品?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="240" />
            <source>How many pieces per box for "{text}"?</source>
            <translation>“{text}”每箱多少个?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="241" />
            <source>"{text}": the quantity is no multiple of the pack size. Is it right?</source>
            <translation>“{text}”:数量不是包装数的整数倍,对吗?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="243" />
            <source>The message asks for a price: is it an order?</source>
            <translation>消息在询价:这是订单吗?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="244" />
            <source>What should change on the order?</source>
            <translation>订单要改什么?</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="252" />
            <source>Cancel the order</source>
            <translation>取消订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="254" />
            <source>Hold the order (do not ship until told)</source>
            <translation>暂停该订单(等通知再发货)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="257" />
            <source>{field} + {value}</source>
            <translation>{field} 加 {value}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="258" />
            <location filename="../../ui/sales/message_pane.py" line="264" />
            <source>{field} → {value}</source>
            <translation>{field} → {value}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="268" />
            <source>(nothing recognised)</source>
            <translation>(未识别出修改内容)</translation>
        </message>
    </context>
    <context>
        <name>PreviewRowsModel</name>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="68" />
            <source>Row</source>
            <extracomment>the customer picked for the whole file, shown on rows that took it</extracomment>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="68" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="68" />
            <source>SKU</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="68" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="69" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="69" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="69" />
            <source>Order no.</source>
            <translation>单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="69" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="99" />
            <source>OK</source>
            <translation>正确</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="99" />
            <source>Rejected</source>
            <translation>拒绝</translation>
        </message>
    </context>
</TS>
