<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>BoardPage</name>
        <message>
            <location filename="../../ui/board/page.py" line="247" />
            <source>All departments</source>
            <translation>全部部门</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="260" />
            <source>Any status</source>
            <translation>任意状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="272" />
            <source>All channels</source>
            <translation>全部渠道</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="280" />
            <source>Order board</source>
            <translation>订单看板</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="283" />
            <source>Order no., channel no. or customer PO</source>
            <translation>订单号、渠道单号或客户采购单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="284" />
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="285" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="286" />
            <source>Code or name</source>
            <translation>编码或名称</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="287" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="288" />
            <source>Status of</source>
            <translation>部门状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="289" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="290" />
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="291" />
            <source>Rush only</source>
            <translation>只看急单</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="292" />
            <source>Show cancelled</source>
            <translation>显示已取消</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="293" />
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="416" />
            <source>{shown} of {total} orders</source>
            <translation>已显示 {shown} / 共 {total} 单</translation>
        </message>
    </context>
    <context>
        <name>OrderDialog</name>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="259" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="165" />
            <location filename="../../ui/board/order_dialog.py" line="259" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="151" />
            <source>#</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="152" />
            <source>Product code</source>
            <translation>产品编码</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="153" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="154" />
            <source>Spec</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="155" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="156" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="157" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="160" />
            <source>Due</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="161" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="162" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="166" />
            <source>Channel order no.</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="169" />
            <location filename="../../ui/board/order_dialog.py" line="176" />
            <location filename="../../ui/board/order_dialog.py" line="186" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="170" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="171" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="172" />
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="173" />
            <location filename="../../ui/board/order_dialog.py" line="178" />
            <location filename="../../ui/board/order_dialog.py" line="187" />
            <source>By</source>
            <translation>生成人</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="177" />
            <location filename="../../ui/board/order_dialog.py" line="183" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="179" />
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="182" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="188" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="189" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="190" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="191" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="193" />
            <source>Old value</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="195" />
            <source>New value</source>
            <translation>新值</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="260" />
            <source>Channel no.</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="260" />
            <source>Customer PO</source>
            <translation>客户采购单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="261" />
            <source>Ordered</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="261" />
            <source>Requested</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="262" />
            <source>Promised</source>
            <translation>承诺交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="262" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="263" />
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="263" />
            <source>Entered by</source>
            <translation>录入人</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="267" />
            <location filename="../../ui/board/order_dialog.py" line="288" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="268" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="271" />
            <source>Set</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="272" />
            <source>Lines</source>
            <translation>订单行</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="272" />
            <source>Channel numbers</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="273" />
            <source>Status timeline</source>
            <translation>状态时间线</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="273" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="274" />
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="274" />
            <source>Change trail</source>
            <translation>修改留痕</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="275" />
            <source>Engineering changes</source>
            <translation>技术变更</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="277" />
            <source>Add note</source>
            <translation>添加备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="278" />
            <source>A note for everyone working on this order</source>
            <translation>给处理此订单的所有人的备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="279" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="280" />
            <source>Share link…</source>
            <translation>分享链接…</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="323" />
            <source>Order {no}</source>
            <translation>订单 {no}</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="329" />
            <source>Cancelled: {reason}</source>
            <translation>已取消:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="332" />
            <source>Rush order: {reason}</source>
            <translation>急单:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="338" />
            <source> (tier {tier})</source>
            <translation>({tier} 类客户)</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="340" />
            <source>(no customer)</source>
            <translation>(无客户)</translation>
        </message>
    </context>
    <context>
        <name>OrderTableModel</name>
        <message>
            <location filename="../../ui/board/page.py" line="73" />
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="75" />
            <source>Rush order</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="76" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="77" />
            <source>Channel no.</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="78" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="79" />
            <source>(no customer)</source>
            <translation>(无客户)</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="82" />
            <source>Customer PO</source>
            <translation>客户采购单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="83" />
            <source>Ordered</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="84" />
            <source>Requested</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="85" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/board/page.py" line="86" />
            <source>{n} lines, first {sku}</source>
            <translation>共 {n} 行,首行 {sku}</translation>
        </message>
    </context>
    <context>
        <name>ShareLinkDialog</name>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="250" />
            <source>Share order {order}</source>
            <translation>分享订单 {order}</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="252" />
            <source>Anyone with the link sees this order's live status on a phone, without an app. Prices are shown only if you choose so. You can stop a link at any time.</source>
            <translation>拿到链接的人可以在手机上查看此订单的实时进度，无需安装App。只有选择“状态和价格”时才显示价格。链接可随时停用。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="256" />
            <location filename="../../ui/board/share_dialog.py" line="360" />
            <source>Status only</source>
            <translation>仅状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="257" />
            <location filename="../../ui/board/share_dialog.py" line="360" />
            <source>Status and prices</source>
            <translation>状态和价格</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="259" />
            <location filename="../../ui/board/share_dialog.py" line="266" />
            <source>Shows</source>
            <translation>显示内容</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="260" />
            <source>Valid for (days)</source>
            <translation>有效天数</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="261" />
            <source>Make link</source>
            <translation>生成链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="262" />
            <source>Copy link</source>
            <translation>复制链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="263" />
            <source>Copy WeChat text</source>
            <translation>复制微信文字</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="264" />
            <source>Links of this order (every opening is logged)</source>
            <translation>此订单的分享链接（每次打开都有记录）</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="266" />
            <source>Made</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="266" />
            <source>By</source>
            <translation>生成人</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="266" />
            <source>Expires</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="267" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="267" />
            <source>Views</source>
            <translation>查看次数</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="267" />
            <source>Last opened</source>
            <translation>最近打开</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="268" />
            <source>Stop selected link</source>
            <translation>停用所选链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="312" />
            <source>Copied.</source>
            <translation>已复制。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="317" />
            <source>This station works without a server, so it cannot make share links. Set the server address in Settings.</source>
            <translation>本工位未连接服务器，无法生成分享链接。请在“设置”中填写服务器地址。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="321" />
            <source>Sign in first.</source>
            <translation>请先登录。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="324" />
            <source>Asking the server…</source>
            <translation>正在向服务器申请…</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="337" />
            <source>Link made. It stays valid until {date}.</source>
            <translation>链接已生成，有效期至 {date}。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="345" />
            <source>Sign in at the server</source>
            <translation>登录服务器</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="346" />
            <source>Password of {user} for the central server:</source>
            <translation>{user} 在中心服务器的密码：</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="351" />
            <source>Nothing was changed.</source>
            <translation>未做任何更改。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="358" />
            <source>active</source>
            <translation>有效</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="358" />
            <source>expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="359" />
            <source>stopped</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="373" />
            <source>Select a link in the list first.</source>
            <translation>请先在列表中选择一个链接。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="382" />
            <source>Link stopped. Pages open on phones close within seconds.</source>
            <translation>链接已停用，手机上打开的页面将在几秒内关闭。</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <location filename="../../ui/board/labels.py" line="71" />
            <source>Created</source>
            <translation>新增</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="72" />
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="73" />
            <source>Deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="74" />
            <source>Sign-in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="75" />
            <source>Sign-out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="76" />
            <location filename="../../ui/board/labels.py" line="116" />
            <source>Account locked</source>
            <translation>账号锁定</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="77" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="78" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="79" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="80" />
            <source>Audit check</source>
            <translation>审计校验</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="81" />
            <source>Change requested by customer</source>
            <translation>客户改单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="82" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="83" />
            <source>Batch unbound</source>
            <translation>批次解绑</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="84" />
            <source>Scan refused</source>
            <translation>扫码被拒</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="85" />
            <source>Certificate revoked</source>
            <translation>合格证作废</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="86" />
            <source>Certificate reissued</source>
            <translation>合格证补发</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="87" />
            <source>Station key issued</source>
            <translation>签发工作站密钥</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="88" />
            <source>Channel API key issued</source>
            <translation>签发渠道接口密钥</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="89" />
            <source>Sync conflict resolved</source>
            <translation>同步冲突已处理</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="90" />
            <source>Change log pruned</source>
            <translation>清理变更日志</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="91" />
            <source>Account creation</source>
            <translation>创建账号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="92" />
            <source>Role change</source>
            <translation>角色变更</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="93" />
            <source>Database backed up</source>
            <translation>数据库已备份</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="94" />
            <source>Database restored from a backup</source>
            <translation>数据库已从备份恢复</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="103" />
            <source>Customer message</source>
            <translation>客户消息</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="104" />
            <source>Merged order</source>
            <translation>合并订单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="105" />
            <source>Engineering</source>
            <translation>技术</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="112" />
            <source>OK</source>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="113" />
            <source>Wrong password</source>
            <translation>密码错误</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="114" />
            <source>Unknown user</source>
            <translation>未知用户</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="115" />
            <source>Account disabled</source>
            <translation>账号已停用</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="117" />
            <source>Idle timeout</source>
            <translation>空闲超时</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="118" />
            <source>Chain broken</source>
            <translation>链已断开</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="119" />
            <source>Refused</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="127" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="128" />
            <source>Order line</source>
            <translation>订单行</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="129" />
            <source>Channel number</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="130" />
            <source>Status change</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="102" />
            <location filename="../../ui/board/labels.py" line="131" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="132" />
            <source>Attachment</source>
            <translation>附件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="133" />
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="134" />
            <source>Account role</source>
            <translation>账号角色</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="135" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="136" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="137" />
            <source>Setting</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="138" />
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="140" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="141" />
            <source>Customer alias</source>
            <translation>客户别名</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="142" />
            <source>Product nickname</source>
            <translation>产品俗称</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="143" />
            <source>BOM line</source>
            <translation>BOM 行</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="144" />
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="145" />
            <source>Incoming receipt</source>
            <translation>到货计划</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="146" />
            <source>Stored file</source>
            <translation>存储文件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="147" />
            <source>Imported file</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="148" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="149" />
            <source>Batch binding</source>
            <translation>批次绑定</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="150" />
            <source>Batch material lot</source>
            <translation>批次原料批号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="151" />
            <source>Material lot</source>
            <translation>原料批号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="152" />
            <source>Scan</source>
            <translation>扫码</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="153" />
            <source>Certificate</source>
            <translation>合格证</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="154" />
            <source>Certificate template</source>
            <translation>合格证模板</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="155" />
            <source>Possible duplicate</source>
            <translation>疑似重复</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="156" />
            <source>Merge step</source>
            <translation>合并步骤</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="157" />
            <source>Rush case</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="158" />
            <source>Rush step</source>
            <translation>急单环节</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="159" />
            <source>Notification</source>
            <translation>通知</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="160" />
            <source>Kit report</source>
            <translation>齐套报告</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="161" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="162" />
            <source>Channel API key</source>
            <translation>渠道接口密钥</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="163" />
            <source>Sync change log</source>
            <translation>同步变更日志</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="164" />
            <source>Sync conflict</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="165" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="166" />
            <source>Sign-in token</source>
            <translation>登录令牌</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="174" />
            <source>Sales status</source>
            <translation>销售状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="175" />
            <source>Production status</source>
            <translation>生产状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="176" />
            <source>Warehouse status</source>
            <translation>仓库状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="177" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="178" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="179" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="180" />
            <source>Requested date</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="181" />
            <source>Promised date</source>
            <translation>承诺交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="182" />
            <source>Customer PO</source>
            <translation>客户采购单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="183" />
            <source>Rush</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="184" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="139" />
            <location filename="../../ui/board/labels.py" line="185" />
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
        <source>Account unlocked</source>
        <translation>账户已解锁</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>密码已重置</translation>
    </message>
    <message>
        <source>Final inspection</source>
        <translation>出厂检验</translation>
    </message>
    <message>
        <source>Certificate block override</source>
        <translation>合格证阻止放行</translation>
    </message>
</context>
    <context>
        <name>channels</name>
        <message>
            <location filename="../../ui/board/labels.py" line="52" />
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="53" />
            <source>WeCom</source>
            <translation>企业微信</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="54" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="55" />
            <source>Excel by e-mail</source>
            <translation>经销商Excel邮件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="56" />
            <source>Old web system</source>
            <translation>老系统网页端</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="57" />
            <source>Douyin shop</source>
            <translation>抖音小店</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="58" />
            <source>Pinduoduo</source>
            <translation>拼多多</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="59" />
            <source>Taobao</source>
            <translation>淘宝</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="60" />
            <source>JD POP</source>
            <translation>京东POP</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="61" />
            <source>1688</source>
            <translation>1688</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="62" />
            <source>Mini program</source>
            <translation>自有小程序</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="63" />
            <source>Shop POS</source>
            <translation>线下门店POS</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="64" />
            <source>Manual entry</source>
            <translation>手工录入</translation>
        </message>
    </context>
    <context>
        <name>departments</name>
        <message>
            <location filename="../../ui/board/labels.py" line="43" />
            <source>Sales</source>
            <extracomment>English source of each status (for the translation test against ZH_LABELS).</extracomment>
            <translation>销售</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="44" />
            <source>Production</source>
            <translation>生产</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="45" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
    </context>
    <context>
        <name>statuses</name>
        <message>
            <location filename="../../ui/board/labels.py" line="14" />
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="15" />
            <source>Confirmed</source>
            <translation>已确认</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="16" />
            <source>Contracted</source>
            <translation>已签约</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="17" />
            <source>Awaiting schedule</source>
            <translation>待排产</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="18" />
            <source>Material issued</source>
            <translation>投料中</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="19" />
            <source>In production</source>
            <translation>生产中</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="20" />
            <source>In inspection</source>
            <translation>质检中</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="21" />
            <source>Finished</source>
            <translation>已完工</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="22" />
            <source>Awaiting stock</source>
            <translation>待备货</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="23" />
            <source>Kitted</source>
            <translation>已备货</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="24" />
            <source>Picking</source>
            <translation>拣货中</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="25" />
            <source>Ready to ship</source>
            <translation>待发运</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="26" />
            <source>Shipped</source>
            <translation>已发运</translation>
        </message>
    </context>
</TS>
