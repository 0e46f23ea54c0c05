<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BindingModel</name>
    <message>
        <location filename="../../ui/warehouse/models.py" line="183"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="183"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="183"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="183"/>
        <source>Bound by</source>
        <translation>绑定人</translation>
    </message>
</context>
<context>
    <name>ChooseOrderDialog</name>
    <message>
        <location filename="../../ui/warehouse/page.py" line="182"/>
        <location filename="../../ui/warehouse/page.py" line="215"/>
        <source>Choose order</source>
        <translation>选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="186"/>
        <location filename="../../ui/warehouse/page.py" line="216"/>
        <source>Order number, customer or PO</source>
        <translation>订单号、客户或客户PO</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="198"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PickLineModel</name>
    <message>
        <location filename="../../ui/warehouse/models.py" line="63"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="63"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="63"/>
        <source>Bound / required</source>
        <translation>已绑定 / 需求</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="64"/>
        <source>Batches</source>
        <translation>批次数</translation>
    </message>
</context>
<context>
    <name>PickableOrderModel</name>
    <message>
        <location filename="../../ui/warehouse/models.py" line="166"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="166"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="166"/>
        <source>PO</source>
        <translation>客户PO</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="166"/>
        <source>Due</source>
        <translation>交期</translation>
    </message>
</context>
<context>
    <name>ScanLogModel</name>
    <message>
        <location filename="../../ui/warehouse/models.py" line="139"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="139"/>
        <source>Code</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/models.py" line="139"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>UnbindDialog</name>
    <message>
        <location filename="../../ui/warehouse/page.py" line="248"/>
        <source>Unbind a batch</source>
        <translation>解绑批次</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="254"/>
        <source>Reason (required)</source>
        <translation>原因(必填)</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="260"/>
        <source>Unbind</source>
        <translation>解绑</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="262"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="279"/>
        <source>Nothing is bound to this order.</source>
        <translation>本订单没有已绑定的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="284"/>
        <source>Choose the batch to unbind.</source>
        <translation>请选择要解绑的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="287"/>
        <source>Enter a reason to unbind.</source>
        <translation>解绑必须填写原因。</translation>
    </message>
</context>
<context>
    <name>WarehousePage</name>
    <message>
        <location filename="../../ui/warehouse/page.py" line="414"/>
        <location filename="../../ui/warehouse/page.py" line="415"/>
        <source>Scan a pick ticket or choose an order</source>
        <translation>请扫描拣货单或选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="420"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="423"/>
        <source>Choose order</source>
        <translation>选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="424"/>
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="425"/>
        <source>Unbind…</source>
        <translation>解绑…</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="426"/>
        <source>Print labels</source>
        <translation>打印批次标签</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="427"/>
        <source>Save labels as PDF…</source>
        <translation>标签另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="428"/>
        <source>Print on a printer…</source>
        <translation>打印到打印机…</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="440"/>
        <source>Only a supervisor may unbind a batch.</source>
        <translation>只有主管可以解绑批次。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="66"/>
        <location filename="../../ui/warehouse/page.py" line="561"/>
        <source>Order {order_no} opened — scan the batch labels</source>
        <translation>已打开订单 {order_no} — 请扫描批次标签</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="64"/>
        <source>Bound: batch {batch}, {quantity} → line {line_no} ({sku})</source>
        <translation>已绑定:批次 {batch},数量 {quantity} → 第 {line_no} 行({sku})</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="76"/>
        <source>Unreadable code: {code}</source>
        <translation>无法识别的条码:{code}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="77"/>
        <source>Unknown code: {code}</source>
        <translation>未知条码:{code}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="78"/>
        <source>The label has no quantity (AI 30/37) and the batch is not known: {code}</source>
        <translation>标签上没有数量(AI 30/37),系统中也没有该批次:{code}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="80"/>
        <source>This is a product barcode, not a batch label: {code}</source>
        <translation>这是产品条码,不是批次标签:{code}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="81"/>
        <source>No open order: scan a pick ticket or choose an order first</source>
        <translation>没有打开的订单:请先扫描拣货单或选择订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="82"/>
        <source>Wrong product: batch {batch} is {sku}, which is not on this order</source>
        <translation>产品不符:批次 {batch} 是 {sku},本订单没有该产品</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="84"/>
        <source>Too much: batch {batch} holds {quantity}, line {line_no} needs only {remaining}</source>
        <translation>数量超出:批次 {batch} 有 {quantity},第 {line_no} 行只还需 {remaining}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="86"/>
        <source>Expired: batch {batch} expired on {expiry}</source>
        <translation>已过期:批次 {batch} 于 {expiry} 过期</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="87"/>
        <source>Already used: batch {batch} is bound to order {other_order}</source>
        <translation>已被占用:批次 {batch} 已绑定到订单 {other_order}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="89"/>
        <source>Scanned twice: batch {batch} is already bound to this order</source>
        <translation>重复扫描:批次 {batch} 已绑定到本订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="90"/>
        <source>Refused: {code}</source>
        <translation>已拒绝:{code}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="97"/>
        <source>Nothing to undo on order {order_no}.</source>
        <translation>订单 {order_no} 没有可撤销的扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="99"/>
        <source>Enter a reason to unbind.</source>
        <translation>解绑必须填写原因。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="492"/>
        <source>Conflict: batch {batch} is bound to orders {orders} (stations {stations}). A supervisor must unbind one.</source>
        <translation>冲突:批次 {batch} 同时绑定到订单 {orders}(工位 {stations}),请主管解绑其中一个。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="573"/>
        <source>Undone: batch {batch} is no longer bound</source>
        <translation>已撤销:批次 {batch} 已解除绑定</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="579"/>
        <location filename="../../ui/warehouse/page.py" line="600"/>
        <location filename="../../ui/warehouse/page.py" line="610"/>
        <source>Open an order first.</source>
        <translation>请先打开订单。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="594"/>
        <source>Unbound: batch {batch}</source>
        <translation>已解绑:批次 {batch}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="613"/>
        <source>Save labels as PDF</source>
        <translation>标签另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="614"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="622"/>
        <location filename="../../ui/warehouse/page.py" line="642"/>
        <source>No batches to print for this order.</source>
        <translation>本订单没有可打印的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="629"/>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}:{error}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="632"/>
        <source>{count} label(s) saved to {path}</source>
        <translation>已保存 {count} 张标签到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="666"/>
        <source>No order open</source>
        <translation>未打开订单</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="667"/>
        <source>Scan the pick ticket (ODO:…) or press “Choose order”.</source>
        <translation>请扫描拣货单(ODO:…)或点击“选择订单”。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="673"/>
        <source>PO {po}</source>
        <translation>客户PO {po}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="677"/>
        <source>CLOSED — no more binding</source>
        <translation>已关闭 — 不能再绑定</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="680"/>
        <source>✔ Complete</source>
        <translation>✔ 已齐</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="682"/>
        <source>{bound} of {required}</source>
        <translation>{bound} / {required}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="71"/>
        <source>Product not in the system: the label is fine, but no product has GTIN {gtin}. Call the office to add it.</source>
        <translation>系统中没有此产品:标签本身没问题,但没有产品的 GTIN 是 {gtin}。请联系办公室添加该产品。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/page.py" line="465"/>
        <source>picking order {order}: not every line is complete</source>
        <translation>订单 {order} 正在拣货:尚有未完成的行</translation>
    </message>
</context>
<context>
    <name>WarehousePrinting</name>
    <message>
        <location filename="../../ui/warehouse/printing.py" line="44"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/printing.py" line="61"/>
        <source>Print batch labels</source>
        <translation>打印批次标签</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/printing.py" line="67"/>
        <source>Printing failed: {error}</source>
        <translation>打印失败:{error}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/printing.py" line="68"/>
        <source>{count} label(s) sent to {printer}</source>
        <translation>已发送 {count} 张标签到 {printer}</translation>
    </message>
    <message>
        <location filename="../../ui/warehouse/printing.py" line="70"/>
        <source>the printer</source>
        <translation>打印机</translation>
    </message>
</context>
</TS>
