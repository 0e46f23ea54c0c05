<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>EdiOutboxWidget</name>
        <message>
            <location filename="../../ui/finance/outbox.py" line="75" />
            <source>Control ref.</source>
            <translation>交换控制号</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="76" />
            <source>Message</source>
            <translation>报文</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="77" />
            <source>Document</source>
            <translation>单据</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="78" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="79" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="80" />
            <source>Attempts</source>
            <translation>尝试次数</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="82" />
            <source>Next attempt (UTC)</source>
            <translation>下次尝试 (UTC)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="83" />
            <source>Partner's answer / error</source>
            <translation>对方回复 / 错误</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="116" />
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="117" />
            <source>Stop sending…</source>
            <translation>停止发送…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="118" />
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="141" />
            <source>{n} messages: {waiting} waiting, {failed} failed (the server's sender retries with growing pauses)</source>
            <translation>共 {n} 条报文:{waiting} 条待发,{failed} 条失败(服务器按递增间隔自动重试)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="167" />
            <source>Stop sending {ref}</source>
            <translation>停止发送 {ref}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/outbox.py" line="168" />
            <source>Why should {doc} not be sent to the customer?</source>
            <translation>为什么不再把 {doc} 发给客户?</translation>
        </message>
    </context>
    <context>
        <name>FinanceLabels</name>
        <message>
            <location filename="../../ui/finance/labels.py" line="19" />
            <source>per ship-to</source>
            <translation>按收货地</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="19" />
            <source>per PO</source>
            <translation>按PO</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="20" />
            <source>per product line</source>
            <translation>按产品线</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="20" />
            <source>per tax rate</source>
            <translation>按税率</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="21" />
            <source>amount cap</source>
            <translation>限额</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="21" />
            <source>line cap</source>
            <translation>行数上限</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="22" />
            <source>one invoice</source>
            <translation>单张发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="22" />
            <source>split line</source>
            <translation>拆行</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="23" />
            <source>self-billing</source>
            <translation>自开票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="33" />
            <source>PO</source>
            <translation>PO</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="33" />
            <source>ship-to</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="33" />
            <source>product line</source>
            <translation>产品线</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="34" />
            <source>rate</source>
            <translation>税率</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="40" />
            <source>pending</source>
            <translation>待发送</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="40" />
            <source>sending</source>
            <translation>发送中</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="40" />
            <source>sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="41" />
            <source>acknowledged</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="41" />
            <source>error</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="41" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="42" />
            <source>issued</source>
            <translation>已开具</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="42" />
            <source>proposed</source>
            <translation>拟开</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="47" />
            <source>invoice</source>
            <translation>蓝字发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="47" />
            <source>red-letter credit</source>
            <translation>红字发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="57" />
            <source>cap {amount} {basis}</source>
            <translation>限额 {amount}({basis})</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="59" />
            <source>incl. tax</source>
            <translation>含税</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="59" />
            <source>excl. tax</source>
            <translation>不含税</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="61" />
            <source>at most {n} lines</source>
            <translation>最多 {n} 行</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="63" />
            <source>lines may be split</source>
            <translation>可拆行</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="65" />
            <source>self-billing: the customer issues the invoice</source>
            <translation>自开票:由客户开具发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="66" />
            <source>one invoice per shipment</source>
            <translation>每张发货单一张发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="73" />
            <source>Order {order} has no bound batches left to ship.</source>
            <translation>订单 {order} 没有已绑定且未发运的批次。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="75" />
            <source>One shipment is for one customer: order {order} belongs to {customer}, the others to {other}.</source>
            <translation>一张发货单只能是同一客户:订单 {order} 属于 {customer},其他订单属于 {other}。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="79" />
            <source>There is no order {order}.</source>
            <translation>找不到订单 {order}。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="81" />
            <source>Order {order} is cancelled or merged.</source>
            <translation>订单 {order} 已取消或已合并。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="83" />
            <source>Order {order} has no customer.</source>
            <translation>订单 {order} 没有客户。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="84" />
            <source>Choose at least one order to ship.</source>
            <translation>请至少选择一个订单。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="90" />
            <source>Line {line} ({sku}) has no unit price; sales must price it before it can be invoiced.</source>
            <translation>第 {line} 行({sku})没有单价,需销售补全价格后才能开票。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="92" />
            <source>Shipment {shipment} is cancelled.</source>
            <translation>发货单 {shipment} 已取消。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="97" />
            <source>Line {line} ({sku}) is {amount}, over the cap of {cap} per invoice, and this customer does not allow split lines. Allow split lines or raise the cap in the split rules.</source>
            <translation>第 {line} 行({sku})金额 {amount},超过单张发票限额 {cap},且该客户不允许拆行。请在拆票规则中允许拆行或提高限额。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="102" />
            <source>Line {line} ({sku}): one unit at {price} is already over the cap of {cap}.</source>
            <translation>第 {line} 行({sku}):单价 {price},一件就超过限额 {cap}。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="106" />
            <source>This split rule cannot be used: {field} = {value}.</source>
            <translation>该拆票规则无效:{field} = {value}。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="109" />
            <source>Invoice {number} is {status}; it cannot be cancelled.</source>
            <translation>发票 {number} 状态为{status},不能红冲。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/labels.py" line="112" />
            <source>EDI: {reason}</source>
            <translation>EDI:{reason}</translation>
        </message>
    </context>
    <context>
        <name>FinancePage</name>
        <message>
            <location filename="../../ui/finance/page.py" line="75" />
            <location filename="../../ui/finance/page.py" line="125" />
            <source>Shipment</source>
            <translation>发货单</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="78" />
            <location filename="../../ui/finance/page.py" line="126" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="186" />
            <source>Invoices</source>
            <translation>发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="121" />
            <source>Invoice</source>
            <translation>发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="76" />
            <source>Shipped {date}; {n} invoices issued</source>
            <translation>{date} 发货;已开 {n} 张发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="122" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="123" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="124" />
            <source>cancelled (credited)</source>
            <translation>已红冲</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="127" />
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="129" />
            <source>Tax</source>
            <translation>税额</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="130" />
            <source>Total</source>
            <translation>价税合计</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="132" />
            <source>EDI</source>
            <translation>EDI</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="133" />
            <source>Made by rule</source>
            <translation>拆分依据</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="134" />
            <source>reverses {no}</source>
            <translation>冲销 {no}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="182" />
            <source>Finance</source>
            <translation>财务</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="185" />
            <source>Invoicing</source>
            <translation>开票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="187" />
            <source>EDI outbox</source>
            <translation>EDI 发件箱</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="188" />
            <source>Shipment, customer…</source>
            <translation>发货单、客户…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="189" />
            <source>Not invoiced</source>
            <translation>未开票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="190" />
            <source>Split rules…</source>
            <translation>拆票规则…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="191" />
            <source>Issue invoices</source>
            <translation>开具发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="192" />
            <source>Delivery note PDF…</source>
            <translation>发货单 PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="193" />
            <source>Invoice, shipment, customer…</source>
            <translation>发票号、发货单、客户…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="194" />
            <source>Cancel with red-letter credit…</source>
            <translation>红冲(开具红字发票)…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="195" />
            <source>Export for tax system (.xlsx)…</source>
            <translation>导出开票导入文件 (.xlsx)…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="196" />
            <source>Export ledger (.xlsx)…</source>
            <translation>导出发票台账 (.xlsx)…</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="264" />
            <source>This shipment cannot be split as the rules stand.</source>
            <translation>按现行规则无法拆分此发货单。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="307" />
            <source>Issued {n} invoices: {numbers}.</source>
            <translation>已开具 {n} 张发票:{numbers}。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="309" />
            <source>Nothing left to invoice.</source>
            <translation>没有待开票的内容。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="323" />
            <source>Cancel invoice {no}</source>
            <translation>红冲发票 {no}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="324" />
            <source>The invoice stays on record, marked cancelled, and a red-letter credit of {total} reverses it. Why is it cancelled?</source>
            <translation>原发票保留并标记为已作废,另开红字发票 {total} 冲销。请填写红冲原因:</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="343" />
            <source>Export ledger</source>
            <translation>导出发票台账</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="343" />
            <source>Export for the tax system</source>
            <translation>导出开票系统导入文件</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="346" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="352" />
            <source>{n} rows written to {path}.</source>
            <translation>已写入 {n} 行到 {path}。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="359" />
            <source>Save delivery note</source>
            <translation>保存发货单</translation>
        </message>
        <message>
            <location filename="../../ui/finance/page.py" line="360" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>ShipDialog</name>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="89" />
            <location filename="../../ui/warehouse/ship_dialog.py" line="96" />
            <source>Ship</source>
            <translation>发运</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="90" />
            <source>Tick the orders leaving on this truck (one customer per shipment). What is bound and not yet shipped goes.</source>
            <translation>勾选本车发运的订单(一张发货单只能是同一客户)。已绑定且未发运的批次将全部发出。</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="92" />
            <source>Carrier</source>
            <translation>承运商</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="93" />
            <source>Waybill no.</source>
            <translation>运单号</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="94" />
            <source>Packages (0 = one per batch)</source>
            <translation>件数(0 = 每批一件)</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="95" />
            <source>Ship date</source>
            <translation>发货日期</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="97" />
            <source>Delivery note PDF…</source>
            <translation>发货单 PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="98" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="115" />
            <source>No order has bound goods waiting to ship.</source>
            <translation>没有已绑定待发运的订单。</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="143" />
            <source>Shipped as {no}: {lines} lines, {packages} packages.</source>
            <translation>已发运,发货单 {no}:{lines} 行,{packages} 件。</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="158" />
            <source>Save delivery note</source>
            <translation>保存发货单</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="159" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/warehouse/ship_dialog.py" line="169" />
            <source>Ship…</source>
            <translation>发运…</translation>
        </message>
    </context>
    <context>
        <name>SplitPreviewWidget</name>
        <message>
            <location filename="../../ui/finance/preview.py" line="48" />
            <source>Invoice / SKU</source>
            <translation>发票 / 物料</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="48" />
            <source>Made by rule</source>
            <translation>拆分依据</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="48" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="49" />
            <source>Rate</source>
            <translation>税率</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="49" />
            <source>Tax</source>
            <translation>税额</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="49" />
            <source>Net amount</source>
            <translation>金额(不含税)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="50" />
            <source>Total</source>
            <translation>价税合计</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="50" />
            <source>PO / group</source>
            <translation>PO / 分组</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="69" />
            <source>Choose a shipment to see how it splits.</source>
            <translation>选择一张发货单,查看拆票结果。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="73" />
            <source>Shipment {no} · {customer} ({code})</source>
            <translation>发货单 {no} · {customer}({code})</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="75" />
            <source> (no rule set yet)</source>
            <translation>(尚未设置规则)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="76" />
            <source>Customer's rule: {rule}{configured}</source>
            <translation>客户规则:{rule}{configured}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="82" />
            <source>Proposed invoice {n}</source>
            <translation>拟开发票 {n}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="83" />
            <source>1 line</source>
            <translation>1 行</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="84" />
            <source>{n} lines</source>
            <translation>{n} 行</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="94" />
            <source>Made by: {rule}</source>
            <translation>拆分依据:{rule}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="96" />
            <source>The next line would have passed the amount cap.</source>
            <translation>再加下一行将超过单张发票限额。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="98" />
            <source>The line count cap was reached.</source>
            <translation>已达到每张发票行数上限。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="106" />
            <source>{qty} ({part})</source>
            <translation>{qty}({part})</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="111" />
            <source>Order {order}</source>
            <translation>订单 {order}</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="122" />
            <source>Self-billing customer: no outbound invoice. Shipment total {total} (tax {tax}).</source>
            <translation>客户自开票:不开销项发票。发货合计 {total}(税额 {tax})。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="126" />
            <source>matches the shipment to the fen</source>
            <translation>与发货金额一致(精确到分)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="127" />
            <source>{left} not yet on an invoice</source>
            <translation>还有 {left} 未开票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/preview.py" line="130" />
            <source>{n} invoices, {total} (tax {tax}); shipment {shipment}: {check}. Tax is computed per line and rounded half-up to the fen.</source>
            <translation>共 {n} 张发票,{total}(税额 {tax});发货单 {shipment}:{check}。税额逐行计算,四舍五入到分。</translation>
        </message>
    </context>
    <context>
        <name>SplitRulesDialog</name>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="99" />
            <source>Invoice split rules</source>
            <translation>拆票规则</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="100" />
            <source>How {customer} ({code}) wants its invoices cut. Keys separate lines first; caps then cut each group.</source>
            <translation>{customer}({code})要求的拆票方式。先按拆分维度分组,再按限额切分每组。</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="103" />
            <source>One invoice per</source>
            <translation>每张发票对应一个</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="104" />
            <source>customer PO</source>
            <translation>客户 PO</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="105" />
            <source>ship-to / plant</source>
            <translation>收货地址 / 工厂</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="106" />
            <source>product line</source>
            <translation>产品线</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="107" />
            <source>tax rate (13% / 9% / 6% / 0)</source>
            <translation>税率(13% / 9% / 6% / 0)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="108" />
            <source>Caps</source>
            <translation>限额</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="109" />
            <source>Amount cap per invoice (¥, empty = none)</source>
            <translation>单张发票限额(元,留空 = 不限)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="110" />
            <source>the cap is on the total including tax (价税合计)</source>
            <translation>限额按价税合计计算</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="111" />
            <source>Lines per invoice (0 = no cap)</source>
            <translation>每张发票行数上限(0 = 不限)</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="112" />
            <source>a line's quantity may be split across invoices</source>
            <translation>允许同一行数量拆到多张发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="113" />
            <source>Self-billing: the customer issues the invoice; send no outbound invoice</source>
            <translation>自开票:由客户开具发票,我方不开销项发票</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="115" />
            <source>Buyer on the invoice</source>
            <translation>发票上的购买方</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="116" />
            <source>Buyer name (购买方名称)</source>
            <translation>购买方名称</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="117" />
            <source>Taxpayer id (纳税人识别号)</source>
            <translation>纳税人识别号</translation>
        </message>
        <message>
            <location filename="../../ui/finance/rules_dialog.py" line="133" />
            <source>The amount cap must be a positive number of yuan (for example 100000), or empty.</source>
            <translation>限额须为正数(元),例如 100000,或留空。</translation>
        </message>
    </context>
</TS>
