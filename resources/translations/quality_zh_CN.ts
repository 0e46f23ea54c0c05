<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CertificateModel</name>
    <message>
        <location filename="../../ui/quality/models.py" line="105"/>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="105"/>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="106"/>
        <source>replaced</source>
        <translation>已替代</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="110"/>
        <source>Certificate</source>
        <translation>合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="111"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="113"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="114"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="115"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="116"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="117"/>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="118"/>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="119"/>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="185"/>
        <source>Final inspection</source>
        <translation>出厂检验</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="186"/>
        <source>Inspect batch {batch}</source>
        <translation>检验批次 {batch}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="187"/>
        <source>Order {order} · {sku} {name} · {qty} {unit} · material lots: {lots}</source>
        <translation>订单 {order} · {sku} {name} · {qty} {unit} · 材料批次:{lots}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="193"/>
        <source>Test item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="193"/>
        <source>Requirement</source>
        <translation>标准要求</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="194"/>
        <source>Measured / seen</source>
        <translation>实测 / 观察</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="194"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="199"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="200"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="201"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="202"/>
        <source>Note (optional)</source>
        <translation>备注(可选)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="205"/>
        <source>Inspector: {name}</source>
        <translation>检验员:{name}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="206"/>
        <source>Record inspection</source>
        <translation>记录检验结果</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="207"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="231"/>
        <source>Set a verdict for every item: {items}.</source>
        <translation>请为每个项目判定:{items}。</translation>
    </message>
</context>
<context>
    <name>MaterialLotModel</name>
    <message>
        <location filename="../../ui/quality/models.py" line="133"/>
        <source>Material lot</source>
        <translation>材料批号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="134"/>
        <source>Grade</source>
        <translation>牌号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="135"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="136"/>
        <source>Received</source>
        <translation>到货日期</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="137"/>
        <source>Tests</source>
        <translation>检验项</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="138"/>
        <source>Batches</source>
        <translation>批次数</translation>
    </message>
</context>
<context>
    <name>MaterialsWidget</name>
    <message>
        <location filename="../../ui/quality/materials.py" line="139"/>
        <source>Search lot, grade or supplier</source>
        <translation>搜索批号、牌号或供应商</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="140"/>
        <source>New lot</source>
        <translation>新建批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="141"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="142"/>
        <source>Material lot and test report</source>
        <translation>材料批次与检验报告</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="143"/>
        <source>Lot code</source>
        <translation>材料批号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="143"/>
        <source>Material grade</source>
        <translation>材料牌号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="144"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="144"/>
        <source>Supplier lot</source>
        <translation>供应商批号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="145"/>
        <source>Received on</source>
        <translation>到货日期</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="145"/>
        <source>Report number</source>
        <translation>报告编号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="147"/>
        <source>Add test</source>
        <translation>添加检验项</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="148"/>
        <source>Remove test</source>
        <translation>删除检验项</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="149"/>
        <source>Save lot</source>
        <translation>保存批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="150"/>
        <source>Trace: batch made from the selected lot</source>
        <translation>追溯:用所选材料批次生产的产品批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="151"/>
        <source>Batch code (scan the batch label)</source>
        <translation>产品批次号(可扫描批次标签)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="152"/>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="153"/>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="221"/>
        <source>Received on: “{value}” is not a date like 2026-11-02.</source>
        <translation>到货日期“{value}”不是 2026-11-02 这样的日期。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="240"/>
        <source>Saved material lot {code}.</source>
        <translation>已保存材料批次 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="247"/>
        <source>Import material lots</source>
        <translation>导入材料批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="248"/>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="253"/>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="258"/>
        <source>Imported: {new} new lots, {updated} updated, {tests} test results.</source>
        <translation>已导入:新增 {new} 个批次,更新 {updated} 个,检验结果 {tests} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="267"/>
        <location filename="../../ui/quality/materials.py" line="276"/>
        <source>Choose a material lot and type or scan a batch code.</source>
        <translation>请先选择材料批次,并输入或扫描产品批次号。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="284"/>
        <source>Batch {batch} is now traced to material lot {code}.</source>
        <translation>产品批次 {batch} 已关联材料批次 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/materials.py" line="287"/>
        <source>Batch {batch} no longer traced to material lot {code}.</source>
        <translation>产品批次 {batch} 已取消关联材料批次 {code}。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../ui/quality/dialogs.py" line="51"/>
        <location filename="../../ui/quality/dialogs.py" line="60"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../ui/quality/page.py" line="55"/>
        <source>This batch is no longer bound to the order; it cannot get a certificate.</source>
        <translation>该批次已从订单解绑,不能出具合格证。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="57"/>
        <source>Order {order} is cancelled or merged; no certificate can be issued.</source>
        <translation>订单 {order} 已取消或已合并,不能出具合格证。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="61"/>
        <source>No batches are bound to this order yet.</source>
        <translation>该订单还没有绑定批次。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="62"/>
        <source>Certificate {number} is {state}; this is not possible.</source>
        <translation>合格证 {number} 当前状态为 {state},不能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="68"/>
        <source>a value is missing</source>
        <translation>缺少内容</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="68"/>
        <source>the date cannot be read</source>
        <translation>日期无法识别</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="69"/>
        <source>no header row with lot code and grade in the first 15 rows</source>
        <translation>前 15 行中找不到包含“材料批号”和“牌号”的表头</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="70"/>
        <source>the file is not a readable spreadsheet</source>
        <translation>文件不是可读取的表格</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="71"/>
        <source>there are no material lots in it</source>
        <translation>其中没有材料批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="72"/>
        <source>the text encoding is unknown</source>
        <translation>无法识别文字编码</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="75"/>
        <source> (row {row}, column {column})</source>
        <translation>(第 {row} 行,{column} 列)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="77"/>
        <source>Cannot import {file}: {reason}{where}.</source>
        <translation>无法导入 {file}:{reason}{where}。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="83"/>
        <source>A reason is required.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="85"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="237"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="240"/>
        <location filename="../../ui/quality/page.py" line="251"/>
        <source>Certificates</source>
        <translation>合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="241"/>
        <source>Material lots</source>
        <translation>材料批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="242"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="243"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="244"/>
        <source>Search order, batch, customer, PO, certificate</source>
        <translation>搜索订单、批次、客户、PO、合格证号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="245"/>
        <source>Only batches without a certificate</source>
        <translation>只看未出具合格证的批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="246"/>
        <source>Bound batches</source>
        <translation>已绑定的批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="247"/>
        <source>Issue certificates for selected</source>
        <translation>为所选批次出具合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="248"/>
        <source>Issue for the whole order</source>
        <translation>为整个订单出具</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="249"/>
        <source>Record inspection…</source>
        <translation>记录检验…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="250"/>
        <source>Release despite block…</source>
        <translation>放行(越过阻止)…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="252"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="253"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="254"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="255"/>
        <source>Print shipment…</source>
        <translation>打印整批发货…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="256"/>
        <source>Revoke…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="257"/>
        <source>Reissue…</source>
        <translation>重新签发…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="313"/>
        <location filename="../../ui/quality/page.py" line="451"/>
        <location filename="../../ui/quality/page.py" line="470"/>
        <source>Select a certificate first.</source>
        <translation>请先选择合格证。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="321"/>
        <source>Select one or more bound batches first.</source>
        <translation>请先选择一个或多个已绑定的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="326"/>
        <location filename="../../ui/quality/page.py" line="335"/>
        <source>Issuing…</source>
        <translation>正在签发…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="333"/>
        <source>Select a batch of the order first.</source>
        <translation>请先选择该订单的一个批次。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="342"/>
        <source>{new} certificates issued, {old} already in force: {numbers}</source>
        <translation>已签发 {new} 张合格证,{old} 张原已有效:{numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="350"/>
        <source>Select the batch you inspected first.</source>
        <translation>请先选择已检验的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="364"/>
        <source>Inspection of {batch} recorded: passed.</source>
        <translation>批次 {batch} 的检验已记录:合格。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="366"/>
        <source>Inspection of {batch} recorded: failed. No certificate can be signed for it.</source>
        <translation>批次 {batch} 的检验已记录:不合格。该批次不能签发合格证。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="372"/>
        <source>Select a blocked batch first.</source>
        <translation>请先选择被阻止的批次。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="379"/>
        <source>{batch} cannot be released: {reasons}.</source>
        <translation>{batch} 不能放行:{reasons}。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="383"/>
        <source>Release despite block</source>
        <translation>越过阻止放行</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="384"/>
        <source>Batch {batch} is blocked: {reasons}. Release it for a certificate anyway? Your name and reason are recorded.</source>
        <translation>批次 {batch} 被阻止:{reasons}。仍要放行并签发合格证吗?您的姓名和理由将被记录。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="389"/>
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="399"/>
        <source>Released; the override and its reason are recorded.</source>
        <translation>已放行;放行记录及理由已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="435"/>
        <source>Drawing {number}…</source>
        <translation>正在生成 {number}…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="441"/>
        <source>Preview of {number}.</source>
        <translation>{number} 预览。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="412"/>
        <location filename="../../ui/quality/page.py" line="442"/>
        <source>Certificate {number}</source>
        <translation>合格证 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="454"/>
        <source>Save certificates as PDF</source>
        <translation>将合格证保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="455"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="461"/>
        <source>Saving certificates</source>
        <translation>正在保存合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="463"/>
        <source>Saved {count} certificates ({pages} pages) to {path}.</source>
        <translation>已将 {count} 张合格证({pages} 页)保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="484"/>
        <source>Order {order} has no certificates in force.</source>
        <translation>订单 {order} 没有有效的合格证。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="494"/>
        <source>Print certificates</source>
        <translation>打印合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="501"/>
        <source>Printing {count} certificates…</source>
        <translation>正在打印 {count} 张合格证…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="505"/>
        <source>Printing certificates</source>
        <translation>正在打印合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="512"/>
        <source>Printed {count} certificates ({pages} pages).</source>
        <translation>已打印 {count} 张合格证(共 {pages} 页)。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="418"/>
        <location filename="../../ui/quality/page.py" line="522"/>
        <source>Revoke certificate</source>
        <translation>撤销合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="419"/>
        <location filename="../../ui/quality/page.py" line="523"/>
        <source>Revoke {number}? Its QR code will verify as revoked everywhere once synchronised.</source>
        <translation>确定撤销 {number}?同步后,在任何地方扫描其二维码都会显示“已撤销”。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="420"/>
        <location filename="../../ui/quality/page.py" line="526"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="534"/>
        <source>Certificate revoked.</source>
        <translation>合格证已撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="541"/>
        <source>Reissue certificate</source>
        <translation>重新签发合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="542"/>
        <source>Replace {number} by a new certificate drawn from today&apos;s data (for example a corrected material report)?</source>
        <translation>用按当前数据(例如更正后的材质报告)生成的新合格证替代 {number}?</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="545"/>
        <source>Reissue</source>
        <translation>重新签发</translation>
    </message>
    <message>
        <location filename="../../ui/quality/page.py" line="554"/>
        <source>Reissued as {number}.</source>
        <translation>已重新签发为 {number}。</translation>
    </message>
</context>
<context>
    <name>QualityPrinting</name>
    <message>
        <location filename="../../ui/quality/printing.py" line="81"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
    </message>
</context>
<context>
    <name>ReadyModel</name>
    <message>
        <location filename="../../ui/quality/models.py" line="84"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="85"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="86"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="87"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="88"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="89"/>
        <source>Material lots</source>
        <translation>材料批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="89"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="90"/>
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="91"/>
        <source>Certificate</source>
        <translation>合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="92"/>
        <source>not issued</source>
        <translation>未出具</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="93"/>
        <source>blocked: {reasons}</source>
        <translation>已阻止:{reasons}</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/quality/dialogs.py" line="96"/>
        <source>Reason (required, kept in the audit trail)</source>
        <translation>原因(必填,记入审计日志)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/dialogs.py" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemplatesWidget</name>
    <message>
        <location filename="../../ui/quality/templates.py" line="138"/>
        <location filename="../../ui/quality/templates.py" line="156"/>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="138"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="139"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="139"/>
        <source>Customer PO</source>
        <translation>客户订单号(PO)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="140"/>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="140"/>
        <source>Production lot</source>
        <translation>生产批号</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="141"/>
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="141"/>
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="142"/>
        <source>Material report</source>
        <translation>材质报告</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="142"/>
        <source>RoHS declaration</source>
        <translation>RoHS 声明</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="143"/>
        <location filename="../../ui/quality/templates.py" line="163"/>
        <source>Footer</source>
        <translation>页脚</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="154"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="155"/>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="155"/>
        <source>For customer</source>
        <translation>适用客户</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="155"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="156"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="156"/>
        <source>Company address</source>
        <translation>公司地址</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="159"/>
        <source>Fields printed</source>
        <translation>打印的字段</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="162"/>
        <source>RoHS wording</source>
        <translation>RoHS 声明文字</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="164"/>
        <source>Empty: the standard declaration (EU 2011/65/EU, (EU) 2015/863, GB/T 26572)</source>
        <translation>留空则使用标准声明(EU 2011/65/EU、(EU) 2015/863、GB/T 26572)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="166"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="167"/>
        <location filename="../../ui/quality/templates.py" line="247"/>
        <source>No logo</source>
        <translation>不用标志</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="168"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="169"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="170"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="172"/>
        <location filename="../../ui/quality/templates.py" line="184"/>
        <source>All customers (default)</source>
        <translation>所有客户(默认)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="194"/>
        <source>all customers</source>
        <translation>所有客户</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="242"/>
        <source>New logo, {kb} KB</source>
        <translation>新标志,{kb} KB</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="245"/>
        <source>Saved logo</source>
        <translation>已保存的标志</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="250"/>
        <source>Choose a logo</source>
        <translation>选择标志图片</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="251"/>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="299"/>
        <source>Template “{name}” saved.</source>
        <translation>模板“{name}”已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="310"/>
        <source>Template deactivated; certificates use the default template.</source>
        <translation>模板已停用,合格证将使用默认模板。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/templates.py" line="327"/>
        <source>Template preview</source>
        <translation>模板预览</translation>
    </message>
</context>
<context>
    <name>TestItemModel</name>
    <message>
        <location filename="../../ui/quality/models.py" line="152"/>
        <source>Test item</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="152"/>
        <source>Requirement</source>
        <translation>标准要求</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="152"/>
        <source>Result</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="152"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/quality/models.py" line="153"/>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>VerifyWidget</name>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="94"/>
        <source>Scan a certificate&apos;s QR code</source>
        <translation>请扫描合格证上的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="97"/>
        <source>Scan the QR code on a certificate with the 2D scanner, or paste the link. The check works without the server: the signature is checked here, revocation against this station&apos;s records (and the server&apos;s when online).</source>
        <translation>用二维扫码枪扫描合格证上的二维码,或粘贴链接。无需服务器也能验证:签名在本机校验,撤销状态按本工位记录检查(联网时同时询问服务器)。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="101"/>
        <source>https://…/v/QC-…</source>
        <translation>https://…/v/QC-…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="102"/>
        <source>Check</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="103"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="130"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="142"/>
        <source>VALID — genuine and in force</source>
        <translation>有效 — 真实且未撤销</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="143"/>
        <source>REVOKED — do not accept</source>
        <translation>已撤销 — 请勿接收</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="144"/>
        <source>TAMPERED — altered or forged</source>
        <translation>已篡改 — 内容被修改或伪造</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="145"/>
        <source>UNKNOWN — cannot be confirmed</source>
        <translation>未知 — 无法确认</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="150"/>
        <source>Signature correct; the certificate is in force.</source>
        <translation>签名正确,合格证有效。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="151"/>
        <source>This is not an orderdesk certificate code.</source>
        <translation>这不是 orderdesk 合格证二维码。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="152"/>
        <source>Signed with a key this station does not trust.</source>
        <translation>签名所用密钥不在本工位的信任列表中。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="153"/>
        <source>The signature does not match the content: the code was changed or forged.</source>
        <translation>签名与内容不符:二维码被修改或伪造。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="155"/>
        <source>The certificate number in the link differs from the signed one.</source>
        <translation>链接中的合格证编号与签名内容不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="157"/>
        <source>Signed with a key that was retired before the issue date.</source>
        <translation>签名密钥在签发日期之前已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="158"/>
        <source>The signature is genuine, but this station has no record of the certificate, so revocation cannot be checked here. Synchronise or check online.</source>
        <translation>签名真实,但本工位没有该合格证的记录,无法检查是否已撤销。请同步后重试或联网验证。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="161"/>
        <source>The code differs from the certificate on record.</source>
        <translation>二维码内容与合格证记录不一致。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="162"/>
        <source>The certificate was revoked.</source>
        <translation>合格证已被撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="163"/>
        <source>The certificate was replaced by a reissued one.</source>
        <translation>合格证已被重新签发的新证替代。</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="175"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="177"/>
        <source>Certificate</source>
        <translation>合格证</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="179"/>
        <source>Revocation reason</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="181"/>
        <source>Replaced by</source>
        <translation>替代证书</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="183"/>
        <source>server key</source>
        <translation>服务器密钥</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="183"/>
        <source>station key</source>
        <translation>工位密钥</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="185"/>
        <source>Signed with</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="186"/>
        <source>Checked</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="186"/>
        <source>online with the server</source>
        <translation>联网经服务器</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="187"/>
        <source>on this station</source>
        <translation>本工位离线</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="190"/>
        <location filename="../../ui/quality/verify_view.py" line="202"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="190"/>
        <source>Customer PO</source>
        <translation>客户订单号(PO)</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="191"/>
        <location filename="../../ui/quality/verify_view.py" line="203"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="191"/>
        <location filename="../../ui/quality/verify_view.py" line="204"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="192"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="193"/>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="194"/>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="200"/>
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="202"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="205"/>
        <source>Production date</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="208"/>
        <source>Bound to</source>
        <translation>绑定到</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="210"/>
        <source>bound</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="210"/>
        <source>unbound</source>
        <translation>已解绑</translation>
    </message>
    <message>
        <location filename="../../ui/quality/verify_view.py" line="215"/>
        <source>Material lot</source>
        <translation>材料批号</translation>
    </message>
</context>
<context>
    <name>inspection</name>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="33"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="34"/>
        <source>Dimensions</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="35"/>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="36"/>
        <source>Quantity and packing</source>
        <translation>数量与包装</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="37"/>
        <source>Label and marking</source>
        <translation>标签与标识</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="43"/>
        <source>No flash, sink marks, short shots or scratches</source>
        <translation>无飞边、缩痕、缺料、划伤</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="45"/>
        <source>Key dimensions within drawing tolerance</source>
        <translation>关键尺寸在图纸公差内</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="47"/>
        <source>Material lot and grade as specified</source>
        <translation>材料批次与牌号符合规定</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="49"/>
        <source>Quantity and packing as labelled</source>
        <translation>数量与包装与标签一致</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="50"/>
        <source>Label, batch code and trace code legible</source>
        <translation>标签、批次号和追溯码清晰</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="59"/>
        <source>not inspected yet: record the inspection first</source>
        <translation>尚未检验:请先记录检验结果</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="62"/>
        <source>the inspection failed ({items})</source>
        <translation>检验不合格({items})</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="63"/>
        <source>the inspection failed</source>
        <translation>检验不合格</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="65"/>
        <source>no material lot is linked to the batch</source>
        <translation>该批次未关联材料批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="68"/>
        <source>material lot {lot} is {lot_grade}, but {sku} specifies {product_grade}</source>
        <translation>材料批次 {lot} 为 {lot_grade},但 {sku} 规定为 {product_grade}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="73"/>
        <source>a material lot&apos;s grade differs from the product&apos;s</source>
        <translation>材料批次牌号与产品规定不符</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="79"/>
        <location filename="../../ui/quality/inspection_dialog.py" line="91"/>
        <source>not inspected</source>
        <translation>未检验</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="80"/>
        <source>inspection failed</source>
        <translation>检验不合格</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="81"/>
        <source>no material lot</source>
        <translation>无材料批次</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="82"/>
        <source>grade differs</source>
        <translation>牌号不符</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="88"/>
        <source>passed ({name})</source>
        <translation>合格({name})</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="90"/>
        <source>failed ({name})</source>
        <translation>不合格({name})</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="95"/>
        <source>No certificate was signed:</source>
        <translation>未签发任何合格证:</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="98"/>
        <source>batch {batch} (order {order}): {reasons}</source>
        <translation>批次 {batch}(订单 {order}):{reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/quality/inspection_dialog.py" line="105"/>
        <source>Batch {batch} cannot be released by an override: {reasons}.</source>
        <translation>批次 {batch} 不能越过阻止放行:{reasons}。</translation>
    </message>
</context>
</TS>
