<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChangeRequestPanel</name>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="89"/>
        <source>Order no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="90"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="92"/>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="95"/>
        <source>Due date</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="97"/>
        <source>Matched by</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="159"/>
        <source>Which order does the message change?</source>
        <translation>这条消息要改哪一单?</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="160"/>
        <source>Line to change</source>
        <translation>要改的明细行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="161"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="161"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="162"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="162"/>
        <source>New</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="163"/>
        <location filename="../../ui/sales/change_panel.py" line="313"/>
        <source>Apply change…</source>
        <translation>执行修改…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="164"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="200"/>
        <source>Looking for the order…</source>
        <translation>正在查找订单…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="231"/>
        <source>No customer recognised: the message must name the customer or the order number.</source>
        <translation>没有识别出客户:消息里需要有客户名称或订单号。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="233"/>
        <source>This customer has no orders to change.</source>
        <translation>该客户没有可修改的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="234"/>
        <source>The order number in the message is not in orderdesk.</source>
        <translation>消息里的订单号在系统中找不到。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="235"/>
        <source>Several orders could be meant: choose one.</source>
        <translation>可能是以下几单中的一单:请选择。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="236"/>
        <source>This message is not a change to an order.</source>
        <translation>这条消息不是改单。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="239"/>
        <source>The message most likely means {order} ({why}). Check the change and apply.</source>
        <translation>消息最可能指的是 {order}(依据:{why})。请核对修改内容后执行。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="245"/>
        <source>The customer&apos;s recent orders are listed below.</source>
        <translation>下面列出该客户最近的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="267"/>
        <source>(choose the line)</source>
        <translation>(请选择明细行)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="287"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="287"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="303"/>
        <source>{order}: {reason}</source>
        <translation>{order}:{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="311"/>
        <source>Apply change to {order}…</source>
        <translation>修改 {order}…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="321"/>
        <source>Apply change</source>
        <translation>执行修改</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="322"/>
        <source>Change order {order} as shown? The message is kept as a note on the order.</source>
        <translation>按所示内容修改订单 {order}?原消息会作为备注保存在订单上。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="343"/>
        <source>Changed {order}. The message is kept as a note.</source>
        <translation>已修改 {order},原消息已存为备注。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/change_panel.py" line="364"/>
        <source>Undone: {order} is back as it was.</source>
        <translation>已撤销:{order} 已恢复原样。</translation>
    </message>
</context>
<context>
    <name>HotFolderWidget</name>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="113"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="113"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="114"/>
        <source>channel, e.g. old_web</source>
        <translation>渠道,例如 old_web</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="115"/>
        <source>folder the channel&apos;s files are dropped into</source>
        <translation>该渠道文件放入的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="116"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="117"/>
        <source>Add / change</source>
        <translation>添加 / 修改</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="118"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="119"/>
        <source>Check now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="120"/>
        <source>Processed files (reports and rejected rows are in done/ and failed/ next to each file)</source>
        <translation>已处理的文件(报告和被拒绝的行在各文件旁的 done/ 与 failed/ 中)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="139"/>
        <source>Hot folder</source>
        <translation>监控文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="146"/>
        <source>Give a channel and a folder</source>
        <translation>请填写渠道和文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="168"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="178"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="178"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/sales/hot_folder.py" line="179"/>
        <source>{channel}: {name} → {outcome}: imported {imported}, already present {skipped}, rejected {rejected}</source>
        <translation>{channel}:{name} → {outcome}:导入 {imported},已存在 {skipped},拒绝 {rejected}</translation>
    </message>
</context>
<context>
    <name>ImportPreviewWidget</name>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="256"/>
        <source>Open order sheet…</source>
        <extracomment>the customer the whole file belongs to (sheets without a customer column) order time for rows that carry none (None: now); tests pin it</extracomment>
        <translation>打开订单表…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="257"/>
        <source>Import catalog workbook…</source>
        <translation>导入基础资料表…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="258"/>
        <source>Customers, products with nicknames, BOMs, stock and incoming receipts, one sheet each</source>
        <translation>客户、产品(含俗称)、BOM、库存、在途,每种一个工作表</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="261"/>
        <source>Excel (.xlsx, .xls) or CSV from a customer, the old system or a marketplace; or drop a file here.</source>
        <translation>客户、老系统或电商平台导出的 Excel(.xlsx、.xls)或 CSV;也可把文件拖到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="263"/>
        <source>Whole file belongs to</source>
        <translation>整个文件的客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="265"/>
        <source>For sheets without a customer column. Column corrections are remembered for this customer too.</source>
        <translation>用于没有客户列的表格。列的修正也会按该客户记住。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="268"/>
        <location filename="../../ui/sales/import_preview.py" line="270"/>
        <source>(customer column of the file)</source>
        <translation>(按文件中的客户列)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="271"/>
        <source>Columns (correct the mapping if needed)</source>
        <translation>列(如有不对请修改对应关系)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="272"/>
        <location filename="../../ui/sales/import_preview.py" line="280"/>
        <location filename="../../ui/sales/import_preview.py" line="574"/>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="273"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="274"/>
        <source>Customers not in the catalog</source>
        <translation>客户目录中没有的客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="275"/>
        <source>Column in file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="275"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="276"/>
        <source>Found by</source>
        <translation>识别方式</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="277"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="277"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="278"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="278"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="279"/>
        <source>Customer in file</source>
        <translation>文件中的客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="280"/>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="281"/>
        <source>Import good rows</source>
        <translation>导入正确的行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="282"/>
        <source>Export rejected rows…</source>
        <translation>导出被拒绝的行…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="302"/>
        <source>Open order sheet</source>
        <translation>打开订单表</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="319"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="381"/>
        <source>{name} — sheet {sheet}, header on row {row}</source>
        <translation>{name} — 工作表 {sheet},表头在第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="395"/>
        <source>{good} good rows ({orders} orders), {bad} rejected</source>
        <translation>正确 {good} 行({orders} 单),拒绝 {bad} 行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="398"/>
        <source>this file was imported before: orders already in orderdesk will be skipped</source>
        <translation>此文件导入过:系统中已有的订单将跳过</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="412"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="412"/>
        <source>remembered</source>
        <translation>已记住</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="413"/>
        <source>content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="413"/>
        <source>you</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="454"/>
        <source>Reject these rows</source>
        <translation>拒绝这些行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="455"/>
        <source>Create new customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="457"/>
        <source>Is {code} {name}</source>
        <translation>即 {code} {name}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="491"/>
        <source>Importing orders</source>
        <translation>正在导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="503"/>
        <source>Imported {imported} orders; {skipped} already present; {flagged} flagged as possible duplicates; {rejected} rows rejected.</source>
        <translation>导入 {imported} 单;已存在 {skipped} 单;疑似重复 {flagged} 单;拒绝 {rejected} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="520"/>
        <source>Import catalog workbook</source>
        <translation>导入基础资料表</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="532"/>
        <source>Importing catalog</source>
        <translation>正在导入基础资料</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="538"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="538"/>
        <source>products</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="539"/>
        <source>BOM lines</source>
        <translation>BOM 行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="539"/>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="540"/>
        <source>receipts</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="541"/>
        <source>{sheet}: {kind} {created} new, {updated} updated, {rejected} rejected</source>
        <translation>{sheet}:{kind} 新增 {created},更新 {updated},拒绝 {rejected}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="567"/>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="577"/>
        <source>Rejected rows saved to {path}</source>
        <translation>被拒绝的行已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>MessagePane</name>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="130"/>
        <source>Paste the message (WeChat, SMS, phone note):</source>
        <translation>粘贴消息(微信、短信、电话记录):</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="131"/>
        <source>e.g. 王工:恒锐要BRK-1001 5000个,下周三前交,加急</source>
        <translation>例如:王工:恒锐要BRK-1001 5000个,下周三前交,加急</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="132"/>
        <source>Sender&apos;s phone</source>
        <translation>发送人电话</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="133"/>
        <source>optional: finds the customer by phone</source>
        <translation>可选:按电话识别客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="134"/>
        <source>Propose order (Ctrl+Enter)</source>
        <translation>生成建议(Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="135"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="136"/>
        <source>Due date</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="137"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="138"/>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="139"/>
        <source>From the words</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="139"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="140"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="141"/>
        <source>Make draft order</source>
        <translation>生成草稿订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="171"/>
        <source>(choose the customer)</source>
        <translation>(请选择客户)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="174"/>
        <source>Several customers match: choose one.</source>
        <translation>匹配到多个客户:请选择一个。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="175"/>
        <source>No customer recognised.</source>
        <translation>未识别出客户。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="177"/>
        <source>The message names &quot;{name}&quot;, which is not in the catalog.</source>
        <translation>消息中提到“{name}”,客户目录中没有。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="181"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="181"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="216"/>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="219"/>
        <source>{field} + {value}</source>
        <translation>{field} 加 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="220"/>
        <location filename="../../ui/sales/message_pane.py" line="226"/>
        <source>{field} → {value}</source>
        <translation>{field} → {value}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="230"/>
        <source>(nothing recognised)</source>
        <translation>(未识别出修改内容)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/message_pane.py" line="199"/>
        <source>(choose: {why})</source>
        <translation>(请选择:{why})</translation>
    </message>
</context>
<context>
    <name>OrderEntryForm</name>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="270"/>
        <source>&amp;Customer</source>
        <extracomment>emitted after each background lookup lands (tests wait on it)</extracomment>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="272"/>
        <source>code, name, alias or phone</source>
        <translation>编码、名称、简称或电话</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="273"/>
        <source>&amp;Due date</source>
        <translation>交期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="275"/>
        <source>e.g. 2026-03-20, 3/20, 明天, 下周三</source>
        <translation>如 2026-03-20、3/20、明天、下周三</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="276"/>
        <source>&amp;Urgent</source>
        <translation>加急(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="277"/>
        <source>Customer PO</source>
        <translation>客户PO</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="278"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="279"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="280"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="281"/>
        <source>Delivery address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="282"/>
        <source>Terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="283"/>
        <source>&amp;SKU</source>
        <translation>物料(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="285"/>
        <source>code any way, name or nickname</source>
        <translation>编码(任意写法)、名称或俗称</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="286"/>
        <source>&amp;Qty</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="288"/>
        <source>5000, 5k, 1.2万</source>
        <translation>5000、5k、1.2万</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="289"/>
        <source>SKU</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="289"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="289"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="290"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="290"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="291"/>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="292"/>
        <source>New (Ctrl+N)</source>
        <translation>新建(Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="293"/>
        <source>Save order (Ctrl+S)</source>
        <translation>保存订单(Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="294"/>
        <source>Last orders of this customer — Enter copies the lines, Esc closes</source>
        <translation>该客户最近的订单 — 回车复制明细,Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="376"/>
        <source>Unknown customer</source>
        <translation>未知客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="378"/>
        <source>Several customers match: pick one from the list</source>
        <translation>匹配到多个客户:请从列表中选择</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="394"/>
        <source>{name} · tier {tier}</source>
        <translation>{name} · {tier} 类客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="419"/>
        <source>Choose a customer first</source>
        <translation>请先选择客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="426"/>
        <source>No earlier orders for this customer</source>
        <translation>该客户没有历史订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="450"/>
        <source>Lines copied from {order}</source>
        <translation>已从 {order} 复制明细</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="493"/>
        <source>{product} · pack of {pack}</source>
        <translation>{product} · 每包 {pack}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="558"/>
        <source>{date} is in the past</source>
        <translation>{date} 已经过去</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="608"/>
        <source>Choose a customer</source>
        <translation>请选择客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="610"/>
        <source>Add at least one line</source>
        <translation>请至少添加一行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="614"/>
        <source>The due date is not a date</source>
        <translation>交期不是有效日期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="617"/>
        <source>The due date is in the past</source>
        <translation>交期已经过去</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="627"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="635"/>
        <source>Saved as {order}</source>
        <translation>已保存为 {order}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/entry_form.py" line="647"/>
        <source>Merged into the existing order</source>
        <translation>已合并到原有订单</translation>
    </message>
    <message>
        <source>Save as draft (Ctrl+S)</source>
        <translation>存为草稿 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and confirm (Ctrl+Shift+S)</source>
        <translation>保存并确认 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Saved and confirmed as {order}</source>
        <translation>已保存并确认:{order}</translation>
    </message>
    <message>
        <source>Saved as draft {order}</source>
        <translation>已存为草稿:{order}</translation>
    </message>
</context>
<context>
    <name>PreviewRowsModel</name>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="64"/>
        <source>Row</source>
        <extracomment>the customer picked for the whole file, shown on rows that took it</extracomment>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="64"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="64"/>
        <source>SKU</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="64"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="65"/>
        <source>Due date</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="65"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="65"/>
        <source>Order no.</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="65"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="95"/>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ui/sales/import_preview.py" line="95"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>SalesPage</name>
    <message>
        <location filename="../../ui/sales/page.py" line="45"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/sales/page.py" line="48"/>
        <source>Phone order</source>
        <translation>电话下单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/page.py" line="48"/>
        <source>Paste message</source>
        <translation>粘贴消息</translation>
    </message>
    <message>
        <location filename="../../ui/sales/page.py" line="48"/>
        <source>Import sheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../../ui/sales/page.py" line="49"/>
        <source>Hot folders</source>
        <translation>监控文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/sales/page.py" line="49"/>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>a phone order that is typed but not saved</source>
        <translation>已录入但未保存的电话订单</translation>
    </message>
</context>
<context>
    <name>sales</name>
    <message>
        <location filename="../../ui/sales/texts.py" line="13"/>
        <location filename="../../ui/sales/texts.py" line="14"/>
        <source>(ignore)</source>
        <translation>(忽略)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="15"/>
        <source>Channel order no.</source>
        <translation>渠道单号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="16"/>
        <source>Customer PO</source>
        <translation>客户PO</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="17"/>
        <source>SKU</source>
        <translation>物料编码</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="18"/>
        <source>Product name</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="19"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="20"/>
        <location filename="../../ui/sales/texts.py" line="79"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="21"/>
        <location filename="../../ui/sales/texts.py" line="80"/>
        <source>Due date</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="22"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="23"/>
        <source>Order time</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="24"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="25"/>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="26"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="27"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="28"/>
        <source>Address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="29"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="30"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="31"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="32"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="33"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="34"/>
        <location filename="../../ui/sales/texts.py" line="62"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="41"/>
        <source>required but blank</source>
        <translation>必填但为空</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="42"/>
        <source>SKU not in the catalog</source>
        <translation>物料编码不在产品目录中</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="43"/>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="44"/>
        <source>must be greater than 0</source>
        <translation>必须大于 0</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="45"/>
        <source>not a date</source>
        <translation>无法识别的日期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="46"/>
        <source>date before the order date</source>
        <translation>日期早于下单日期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="47"/>
        <source>customer not in the catalog</source>
        <translation>客户不在客户目录中</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="48"/>
        <source>no customer</source>
        <translation>缺少客户</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="49"/>
        <source>not a multiple of the pack size</source>
        <translation>不是包装数的整数倍</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="50"/>
        <source>rows of one order name different customers</source>
        <translation>同一订单的各行客户不一致</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="51"/>
        <source>another row of this order was rejected</source>
        <translation>该订单的其他行被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="52"/>
        <source>several products match</source>
        <translation>匹配到多个产品</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="53"/>
        <source>product not recognised</source>
        <translation>未识别出产品</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="54"/>
        <source>no quantity</source>
        <translation>没有数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="55"/>
        <source>boxes given, but the box size is unknown</source>
        <translation>给了箱数,但不知道每箱数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="64"/>
        <source>Change to an existing order</source>
        <translation>改单(修改已有订单)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="66"/>
        <source>greeting</source>
        <translation>问候</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="67"/>
        <source>payment or invoice question</source>
        <translation>付款或发票问题</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="68"/>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="69"/>
        <source>inquiry (price, stock, sample)</source>
        <translation>询问(价格、库存、样品)</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="70"/>
        <source>delivery question</source>
        <translation>物流询问</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="71"/>
        <source>no order in it</source>
        <translation>不含订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="73"/>
        <source>Not an order: {reason}</source>
        <translation>不是订单:{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="81"/>
        <source>Rush</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="82"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="87"/>
        <source>number in the message</source>
        <translation>消息中的单号</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="88"/>
        <source>latest order</source>
        <translation>最近一单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="89"/>
        <source>product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="90"/>
        <source>old quantity</source>
        <translation>原数量</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="91"/>
        <source>order day</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="92"/>
        <source>only open order</source>
        <translation>唯一未完成订单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="98"/>
        <source>it has been shipped</source>
        <translation>已发运</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="99"/>
        <source>it is cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="100"/>
        <source>it was merged into another order</source>
        <translation>已合并到另一单</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="101"/>
        <source>it was changed after the proposal; propose again</source>
        <translation>识别之后订单又被改过,请重新识别</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="103"/>
        <source>it was changed again afterwards, so this change cannot be undone</source>
        <translation>之后订单又被改过,这次修改无法撤销</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="105"/>
        <source>the message names nothing this order could change</source>
        <translation>消息里没有这单可以执行的修改</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="107"/>
        <source>choose the line to change</source>
        <translation>请选择要改的明细行</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="112"/>
        <source>it is not an Excel or CSV file</source>
        <translation>不是 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="113"/>
        <source>the file is truncated or damaged</source>
        <translation>文件不完整或已损坏</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="114"/>
        <source>its text encoding is unknown</source>
        <translation>无法识别文字编码</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="115"/>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="129"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}:{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="131"/>
        <source>{path} is protected by a password. Remove the password in Excel, save, and import again.</source>
        <translation>{path} 设有密码。请在 Excel 中取消密码、保存后再导入。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="134"/>
        <source>{path} is empty: nothing to import.</source>
        <translation>{path} 是空文件,没有可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="136"/>
        <source>No header row found in the first {rows} rows of sheet {sheet} in {path}.</source>
        <translation>在 {path} 工作表 {sheet} 的前 {rows} 行中找不到表头。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="140"/>
        <source>Sheet {sheet} has no column for: {missing}. Choose it in the mapping.</source>
        <translation>工作表 {sheet} 缺少以下列:{missing}。请在列对应关系中指定。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="144"/>
        <source>Order {order} cannot be changed: {reason}.</source>
        <translation>订单 {order} 不能修改:{reason}。</translation>
    </message>
    <message>
        <location filename="../../ui/sales/texts.py" line="147"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消,没有写入任何数据。</translation>
    </message>
</context>
</TS>
