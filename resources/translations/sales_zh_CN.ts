<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>HotFolderWidget</name>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="113" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="113" />
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="114" />
            <source>channel, e.g. old_web</source>
            <translation>渠道,例如 old_web</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="115" />
            <source>folder the channel's files are dropped into</source>
            <translation>该渠道文件放入的文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="116" />
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="117" />
            <source>Add / change</source>
            <translation>添加 / 修改</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="118" />
            <source>Remove selected</source>
            <translation>删除所选</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="119" />
            <source>Check now</source>
            <translation>立即检查</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="120" />
            <source>Processed files (reports and rejected rows are in done/ and failed/ next to each file)</source>
            <translation>已处理的文件(报告和被拒绝的行在各文件旁的 done/ 与 failed/ 中)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="139" />
            <source>Hot folder</source>
            <translation>监控文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="146" />
            <source>Give a channel and a folder</source>
            <translation>请填写渠道和文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="168" />
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="178" />
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="178" />
            <source>failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../ui/sales/hot_folder.py" line="179" />
            <source>{channel}: {name} → {outcome}: imported {imported}, already present {skipped}, rejected {rejected}</source>
            <translation>{channel}:{name} → {outcome}:导入 {imported},已存在 {skipped},拒绝 {rejected}</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewWidget</name>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="222" />
            <source>Open order sheet…</source>
            <extracomment>order time for rows that carry none (None: now); tests pin it</extracomment>
            <translation>打开订单表…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="223" />
            <source>Import catalog workbook…</source>
            <translation>导入基础资料表…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="224" />
            <source>Customers, products with nicknames, BOMs, stock and incoming receipts, one sheet each</source>
            <translation>客户、产品(含俗称)、BOM、库存、在途,每种一个工作表</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="227" />
            <source>Excel (.xlsx, .xls) or CSV from a customer, the old system or a marketplace; or drop a file here.</source>
            <translation>客户、老系统或电商平台导出的 Excel(.xlsx、.xls)或 CSV;也可把文件拖到这里。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="229" />
            <source>Columns (correct the mapping if needed)</source>
            <translation>列(如有不对请修改对应关系)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="230" />
            <location filename="../../ui/sales/import_preview.py" line="238" />
            <location filename="../../ui/sales/import_preview.py" line="477" />
            <source>Rows</source>
            <translation>行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="231" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="232" />
            <source>Customers not in the catalog</source>
            <translation>客户目录中没有的客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="233" />
            <source>Column in file</source>
            <translation>文件中的列</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="233" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="234" />
            <source>Found by</source>
            <translation>识别方式</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="235" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="235" />
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="236" />
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="236" />
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="237" />
            <source>Customer in file</source>
            <translation>文件中的客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="238" />
            <source>Action</source>
            <translation>处理</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="239" />
            <source>Import good rows</source>
            <translation>导入正确的行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="240" />
            <source>Export rejected rows…</source>
            <translation>导出被拒绝的行…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="255" />
            <source>Open order sheet</source>
            <translation>打开订单表</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="267" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="288" />
            <source>{name} — sheet {sheet}, header on row {row}</source>
            <translation>{name} — 工作表 {sheet},表头在第 {row} 行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="299" />
            <source>{good} good rows ({orders} orders), {bad} rejected</source>
            <translation>正确 {good} 行({orders} 单),拒绝 {bad} 行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="302" />
            <source>this file was imported before: orders already in orderdesk will be skipped</source>
            <translation>此文件导入过:系统中已有的订单将跳过</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="316" />
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="316" />
            <source>remembered</source>
            <translation>已记住</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="317" />
            <source>content</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="317" />
            <source>you</source>
            <translation>手动</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="358" />
            <source>Reject these rows</source>
            <translation>拒绝这些行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="359" />
            <source>Create new customer</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="361" />
            <source>Is {code} {name}</source>
            <translation>即 {code} {name}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="394" />
            <source>Importing orders</source>
            <translation>正在导入订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="406" />
            <source>Imported {imported} orders; {skipped} already present; {flagged} flagged as possible duplicates; {rejected} rows rejected.</source>
            <translation>导入 {imported} 单;已存在 {skipped} 单;疑似重复 {flagged} 单;拒绝 {rejected} 行。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="423" />
            <source>Import catalog workbook</source>
            <translation>导入基础资料表</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="435" />
            <source>Importing catalog</source>
            <translation>正在导入基础资料</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="441" />
            <source>customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="441" />
            <source>products</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="442" />
            <source>BOM lines</source>
            <translation>BOM 行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="442" />
            <source>stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="443" />
            <source>receipts</source>
            <translation>在途</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="444" />
            <source>{sheet}: {kind} {created} new, {updated} updated, {rejected} rejected</source>
            <translation>{sheet}:{kind} 新增 {created},更新 {updated},拒绝 {rejected}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="470" />
            <source>Save rejected rows</source>
            <translation>保存被拒绝的行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="480" />
            <source>Rejected rows saved to {path}</source>
            <translation>被拒绝的行已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>MessagePane</name>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="122" />
            <source>Paste the message (WeChat, SMS, phone note):</source>
            <translation>粘贴消息(微信、短信、电话记录):</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="123" />
            <source>e.g. 王工:恒锐要BRK-1001 5000个,下周三前交,加急</source>
            <translation>例如:王工:恒锐要BRK-1001 5000个,下周三前交,加急</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="124" />
            <source>Sender's phone</source>
            <translation>发送人电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="125" />
            <source>optional: finds the customer by phone</source>
            <translation>可选:按电话识别客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="126" />
            <source>Propose order (Ctrl+Enter)</source>
            <translation>生成建议(Ctrl+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="127" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="128" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="129" />
            <source>Urgent</source>
            <translation>加急</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="130" />
            <source>Change</source>
            <translation>改动</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="131" />
            <source>From the words</source>
            <translation>原文</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="131" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="132" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="133" />
            <source>Make draft order</source>
            <translation>生成草稿订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="158" />
            <source>(choose the customer)</source>
            <translation>(请选择客户)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="161" />
            <source>Several customers match: choose one.</source>
            <translation>匹配到多个客户:请选择一个。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="162" />
            <source>No customer recognised.</source>
            <translation>未识别出客户。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="164" />
            <source>The message names "{name}", which is not in the catalog.</source>
            <translation>消息中提到“{name}”,客户目录中没有。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="168" />
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="168" />
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="172" />
            <source>order {order}</source>
            <translation>订单 {order}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/message_pane.py" line="184" />
            <source>(choose: {why})</source>
            <translation>(请选择:{why})</translation>
        </message>
    </context>
    <context>
        <name>OrderEntryForm</name>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="269" />
            <source>&amp;Customer</source>
            <extracomment>emitted after each background lookup lands (tests wait on it)</extracomment>
            <translation>客户(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="271" />
            <source>code, name, alias or phone</source>
            <translation>编码、名称、简称或电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="272" />
            <source>&amp;Due date</source>
            <translation>交期(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="274" />
            <source>e.g. 2026-03-20, 3/20, 明天, 下周三</source>
            <translation>如 2026-03-20、3/20、明天、下周三</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="275" />
            <source>&amp;Urgent</source>
            <translation>加急(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="276" />
            <source>Customer PO</source>
            <translation>客户PO</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="277" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="278" />
            <source>name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="279" />
            <source>phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="280" />
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="281" />
            <source>Terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="282" />
            <source>&amp;SKU</source>
            <translation>物料(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="284" />
            <source>code any way, name or nickname</source>
            <translation>编码(任意写法)、名称或俗称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="285" />
            <source>&amp;Qty</source>
            <translation>数量(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="287" />
            <source>5000, 5k, 1.2万</source>
            <translation>5000、5k、1.2万</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="288" />
            <source>SKU</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="288" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="288" />
            <source>Spec</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="289" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="289" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="290" />
            <source>Remove line</source>
            <translation>删除行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="291" />
            <source>New (Ctrl+N)</source>
            <translation>新建(Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="292" />
            <source>Save order (Ctrl+S)</source>
            <translation>保存订单(Ctrl+S)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="293" />
            <source>Last orders of this customer — Enter copies the lines, Esc closes</source>
            <translation>该客户最近的订单 — 回车复制明细,Esc 关闭</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="375" />
            <source>Unknown customer</source>
            <translation>未知客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="377" />
            <source>Several customers match: pick one from the list</source>
            <translation>匹配到多个客户:请从列表中选择</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="393" />
            <source>{name} · tier {tier}</source>
            <translation>{name} · {tier} 类客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="418" />
            <source>Choose a customer first</source>
            <translation>请先选择客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="425" />
            <source>No earlier orders for this customer</source>
            <translation>该客户没有历史订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="449" />
            <source>Lines copied from {order}</source>
            <translation>已从 {order} 复制明细</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="492" />
            <source>{product} · pack of {pack}</source>
            <translation>{product} · 每包 {pack}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="557" />
            <source>{date} is in the past</source>
            <translation>{date} 已经过去</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="607" />
            <source>Choose a customer</source>
            <translation>请选择客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="609" />
            <source>Add at least one line</source>
            <translation>请至少添加一行</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="613" />
            <source>The due date is not a date</source>
            <translation>交期不是有效日期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="616" />
            <source>The due date is in the past</source>
            <translation>交期已经过去</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="626" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="634" />
            <source>Saved as {order}</source>
            <translation>已保存为 {order}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/entry_form.py" line="646" />
            <source>Merged into the existing order</source>
            <translation>已合并到原有订单</translation>
        </message>
    </context>
    <context>
        <name>PreviewRowsModel</name>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="56" />
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="56" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="56" />
            <source>SKU</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="56" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="57" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="57" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="57" />
            <source>Order no.</source>
            <translation>单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="57" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="87" />
            <source>OK</source>
            <translation>正确</translation>
        </message>
        <message>
            <location filename="../../ui/sales/import_preview.py" line="87" />
            <source>Rejected</source>
            <translation>拒绝</translation>
        </message>
    </context>
    <context>
        <name>SalesPage</name>
        <message>
            <location filename="../../ui/sales/page.py" line="45" />
            <source>Sales</source>
            <translation>销售</translation>
        </message>
        <message>
            <location filename="../../ui/sales/page.py" line="48" />
            <source>Phone order</source>
            <translation>电话下单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/page.py" line="48" />
            <source>Paste message</source>
            <translation>粘贴消息</translation>
        </message>
        <message>
            <location filename="../../ui/sales/page.py" line="48" />
            <source>Import sheet</source>
            <translation>导入表格</translation>
        </message>
        <message>
            <location filename="../../ui/sales/page.py" line="49" />
            <source>Hot folders</source>
            <translation>监控文件夹</translation>
        </message>
        <message>
            <location filename="../../ui/sales/page.py" line="49" />
            <source>Possible duplicates</source>
            <translation>疑似重复</translation>
        </message>
    </context>
    <context>
        <name>sales</name>
        <message>
            <location filename="../../ui/sales/texts.py" line="13" />
            <location filename="../../ui/sales/texts.py" line="14" />
            <source>(ignore)</source>
            <translation>(忽略)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="15" />
            <source>Channel order no.</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="16" />
            <source>Customer PO</source>
            <translation>客户PO</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="17" />
            <source>SKU</source>
            <translation>物料编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="18" />
            <source>Product name</source>
            <translation>品名</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="19" />
            <source>Spec</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="20" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="21" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="22" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="23" />
            <source>Order time</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="24" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="25" />
            <source>Customer code</source>
            <translation>客户编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="26" />
            <source>Customer name</source>
            <translation>客户名称</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="27" />
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="28" />
            <source>Address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="29" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="30" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="31" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="32" />
            <source>Urgent</source>
            <translation>加急</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="33" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="34" />
            <location filename="../../ui/sales/texts.py" line="62" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="41" />
            <source>required but blank</source>
            <translation>必填但为空</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="42" />
            <source>SKU not in the catalog</source>
            <translation>物料编码不在产品目录中</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="43" />
            <source>not a number</source>
            <translation>不是数字</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="44" />
            <source>must be greater than 0</source>
            <translation>必须大于 0</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="45" />
            <source>not a date</source>
            <translation>无法识别的日期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="46" />
            <source>date before the order date</source>
            <translation>日期早于下单日期</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="47" />
            <source>customer not in the catalog</source>
            <translation>客户不在客户目录中</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="48" />
            <source>no customer</source>
            <translation>缺少客户</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="49" />
            <source>not a multiple of the pack size</source>
            <translation>不是包装数的整数倍</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="50" />
            <source>rows of one order name different customers</source>
            <translation>同一订单的各行客户不一致</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="51" />
            <source>another row of this order was rejected</source>
            <translation>该订单的其他行被拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="52" />
            <source>several products match</source>
            <translation>匹配到多个产品</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="53" />
            <source>product not recognised</source>
            <translation>未识别出产品</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="54" />
            <source>no quantity</source>
            <translation>没有数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="55" />
            <source>boxes given, but the box size is unknown</source>
            <translation>给了箱数,但不知道每箱数量</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="64" />
            <source>Change to an existing order</source>
            <translation>改单(修改已有订单)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="66" />
            <source>greeting</source>
            <translation>问候</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="67" />
            <source>payment or invoice question</source>
            <translation>付款或发票问题</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="68" />
            <source>complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="69" />
            <source>inquiry (price, stock, sample)</source>
            <translation>询问(价格、库存、样品)</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="70" />
            <source>delivery question</source>
            <translation>物流询问</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="71" />
            <source>no order in it</source>
            <translation>不含订单</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="73" />
            <source>Not an order: {reason}</source>
            <translation>不是订单:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="78" />
            <source>it is not an Excel or CSV file</source>
            <translation>不是 Excel 或 CSV 文件</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="79" />
            <source>the file is truncated or damaged</source>
            <translation>文件不完整或已损坏</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="80" />
            <source>its text encoding is unknown</source>
            <translation>无法识别文字编码</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="81" />
            <source>the file does not exist</source>
            <translation>文件不存在</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="95" />
            <source>Cannot read {path}: {reason}.</source>
            <translation>无法读取 {path}:{reason}。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="97" />
            <source>{path} is protected by a password. Remove the password in Excel, save, and import again.</source>
            <translation>{path} 设有密码。请在 Excel 中取消密码、保存后再导入。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="100" />
            <source>{path} is empty: nothing to import.</source>
            <translation>{path} 是空文件,没有可导入的内容。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="102" />
            <source>No header row found in the first {rows} rows of sheet {sheet} in {path}.</source>
            <translation>在 {path} 工作表 {sheet} 的前 {rows} 行中找不到表头。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="106" />
            <source>Sheet {sheet} has no column for: {missing}. Choose it in the mapping.</source>
            <translation>工作表 {sheet} 缺少以下列:{missing}。请在列对应关系中指定。</translation>
        </message>
        <message>
            <location filename="../../ui/sales/texts.py" line="110" />
            <source>Import cancelled; nothing was written.</source>
            <translation>导入已取消,没有写入任何数据。</translation>
        </message>
    </context>
</TS>
