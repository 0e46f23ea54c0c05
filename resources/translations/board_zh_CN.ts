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
            <location filename="../../ui/board/order_dialog.py" line="277" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="167" />
            <location filename="../../ui/board/order_dialog.py" line="277" />
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="153" />
            <source>#</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="154" />
            <source>Product code</source>
            <translation>产品编码</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="155" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="156" />
            <source>Spec</source>
            <translation>规格</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="157" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="158" />
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="159" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="162" />
            <source>Due</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="163" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="164" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="168" />
            <source>Channel order no.</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="171" />
            <location filename="../../ui/board/order_dialog.py" line="178" />
            <location filename="../../ui/board/order_dialog.py" line="188" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="172" />
            <source>Department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="173" />
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="174" />
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="175" />
            <location filename="../../ui/board/order_dialog.py" line="180" />
            <location filename="../../ui/board/order_dialog.py" line="189" />
            <source>By</source>
            <translation>生成人</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="179" />
            <location filename="../../ui/board/order_dialog.py" line="185" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="181" />
            <source>Text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="184" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="190" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="191" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="192" />
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="193" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="195" />
            <source>Old value</source>
            <translation>原值</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="197" />
            <source>New value</source>
            <translation>新值</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="278" />
            <source>Channel no.</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="278" />
            <source>Customer PO</source>
            <translation>客户采购单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="279" />
            <source>Ordered</source>
            <translation>下单时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="279" />
            <source>Requested</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="280" />
            <source>Promised</source>
            <translation>承诺交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="280" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="281" />
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="281" />
            <source>Entered by</source>
            <translation>录入人</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="285" />
            <location filename="../../ui/board/order_dialog.py" line="306" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="286" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="289" />
            <source>Set</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="290" />
            <source>Lines</source>
            <translation>订单行</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="290" />
            <source>Channel numbers</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="291" />
            <source>Status timeline</source>
            <translation>状态时间线</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="291" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="292" />
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="292" />
            <source>Change trail</source>
            <translation>修改留痕</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="293" />
            <source>Engineering changes</source>
            <translation>技术变更</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="295" />
            <source>Add note</source>
            <translation>添加备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="296" />
            <source>A note for everyone working on this order</source>
            <translation>给处理此订单的所有人的备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="297" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="298" />
            <source>Share link…</source>
            <translation>分享链接…</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="341" />
            <source>Order {no}</source>
            <translation>订单 {no}</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="347" />
            <source>Cancelled: {reason}</source>
            <translation>已取消:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="350" />
            <source>Rush order: {reason}</source>
            <translation>急单:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="356" />
            <source> (tier {tier})</source>
            <translation>({tier} 类客户)</translation>
        </message>
        <message>
            <location filename="../../ui/board/order_dialog.py" line="358" />
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
            <location filename="../../ui/board/share_dialog.py" line="255" />
            <source>Share order {order}</source>
            <translation>分享订单 {order}</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="257" />
            <source>Anyone with the link sees this order's live status on a phone, without an app. Prices are shown only if you choose so. You can stop a link at any time.</source>
            <translation>拿到链接的人可以在手机上查看此订单的实时进度，无需安装App。只有选择“状态和价格”时才显示价格。链接可随时停用。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="261" />
            <location filename="../../ui/board/share_dialog.py" line="365" />
            <source>Status only</source>
            <translation>仅状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="262" />
            <location filename="../../ui/board/share_dialog.py" line="365" />
            <source>Status and prices</source>
            <translation>状态和价格</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="264" />
            <location filename="../../ui/board/share_dialog.py" line="271" />
            <source>Shows</source>
            <translation>显示内容</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="265" />
            <source>Valid for (days)</source>
            <translation>有效天数</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="266" />
            <source>Make link</source>
            <translation>生成链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="267" />
            <source>Copy link</source>
            <translation>复制链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="268" />
            <source>Copy WeChat text</source>
            <translation>复制微信文字</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="269" />
            <source>Links of this order (every opening is logged)</source>
            <translation>此订单的分享链接（每次打开都有记录）</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="271" />
            <source>Made</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="271" />
            <source>By</source>
            <translation>生成人</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="271" />
            <source>Expires</source>
            <translation>到期</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="272" />
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="272" />
            <source>Views</source>
            <translation>查看次数</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="272" />
            <source>Last opened</source>
            <translation>最近打开</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="273" />
            <source>Stop selected link</source>
            <translation>停用所选链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="317" />
            <source>Copied.</source>
            <translation>已复制。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="322" />
            <source>This station works without a server, so it cannot make share links. Set the server address in Settings.</source>
            <translation>本工位未连接服务器，无法生成分享链接。请在“设置”中填写服务器地址。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="326" />
            <source>Sign in first.</source>
            <translation>请先登录。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="329" />
            <source>Asking the server…</source>
            <translation>正在向服务器申请…</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="342" />
            <source>Link made. It stays valid until {date}.</source>
            <translation>链接已生成，有效期至 {date}。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="350" />
            <source>Sign in at the server</source>
            <translation>登录服务器</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="351" />
            <source>Password of {user} for the central server:</source>
            <translation>{user} 在中心服务器的密码：</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="356" />
            <source>Nothing was changed.</source>
            <translation>未做任何更改。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="363" />
            <source>active</source>
            <translation>有效</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="363" />
            <source>expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="364" />
            <source>stopped</source>
            <translation>已停用</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="378" />
            <source>Select a link in the list first.</source>
            <translation>请先在列表中选择一个链接。</translation>
        </message>
        <message>
            <location filename="../../ui/board/share_dialog.py" line="387" />
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
            <location filename="../../ui/board/labels.py" line="78" />
            <location filename="../../ui/board/labels.py" line="125" />
            <source>Account locked</source>
            <translation>账号锁定</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="79" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="80" />
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="81" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="82" />
            <source>Audit check</source>
            <translation>审计校验</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="83" />
            <source>Change requested by customer</source>
            <translation>客户改单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="84" />
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="85" />
            <source>Batch unbound</source>
            <translation>批次解绑</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="86" />
            <source>Scan refused</source>
            <translation>扫码被拒</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="87" />
            <source>Certificate revoked</source>
            <translation>合格证作废</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="88" />
            <source>Certificate reissued</source>
            <translation>合格证补发</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="89" />
            <source>Station key issued</source>
            <translation>签发工作站密钥</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="90" />
            <source>Channel API key issued</source>
            <translation>签发渠道接口密钥</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="91" />
            <source>Sync conflict resolved</source>
            <translation>同步冲突已处理</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="92" />
            <source>Change log pruned</source>
            <translation>清理变更日志</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="93" />
            <source>Account creation</source>
            <translation>创建账号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="94" />
            <source>Role change</source>
            <translation>角色变更</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="95" />
            <source>Database backed up</source>
            <translation>数据库已备份</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="96" />
            <source>Database restored from a backup</source>
            <translation>数据库已从备份恢复</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="112" />
            <source>Customer message</source>
            <translation>客户消息</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="113" />
            <source>Merged order</source>
            <translation>合并订单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="114" />
            <source>Engineering</source>
            <translation>技术</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="121" />
            <source>OK</source>
            <translation>成功</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="122" />
            <source>Wrong password</source>
            <translation>密码错误</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="123" />
            <source>Unknown user</source>
            <translation>未知用户</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="124" />
            <source>Account disabled</source>
            <translation>账号已停用</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="126" />
            <source>Idle timeout</source>
            <translation>空闲超时</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="127" />
            <source>Chain broken</source>
            <translation>链已断开</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="128" />
            <source>Refused</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="136" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="137" />
            <source>Order line</source>
            <translation>订单行</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="138" />
            <source>Channel number</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="139" />
            <source>Status change</source>
            <translation>状态变更</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="111" />
            <location filename="../../ui/board/labels.py" line="140" />
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="97" />
            <source>Audit chain anchored at the server</source>
            <translation>审计链已在服务器锚定</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="98" />
            <source>Signing key approved</source>
            <translation>签名密钥已批准</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="99" />
            <source>Sent changes trimmed</source>
            <translation>已清理已上传的变更</translation>
        </message>
        <message>
            <source>Older audit rows packed</source>
            <translation>较早的审计记录已压缩归档</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="100" />
            <source>Person verified at the server</source>
            <translation>人员已在服务器核验</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="101" />
            <source>Transaction parked</source>
            <translation>事务已暂存待处理</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="102" />
            <source>Share link made</source>
            <translation>已生成分享链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="103" />
            <source>Share link stopped</source>
            <translation>分享链接已停用</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="141" />
            <source>Attachment</source>
            <translation>附件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="142" />
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="143" />
            <source>Account role</source>
            <translation>账号角色</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="144" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="145" />
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="146" />
            <source>Setting</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="147" />
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="149" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="150" />
            <source>Customer alias</source>
            <translation>客户别名</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="151" />
            <source>Product nickname</source>
            <translation>产品俗称</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="152" />
            <source>BOM line</source>
            <translation>BOM 行</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="153" />
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="154" />
            <source>Incoming receipt</source>
            <translation>到货计划</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="155" />
            <source>Stored file</source>
            <translation>存储文件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="156" />
            <source>Imported file</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="157" />
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="158" />
            <source>Batch binding</source>
            <translation>批次绑定</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="159" />
            <source>Batch material lot</source>
            <translation>批次原料批号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="160" />
            <source>Material lot</source>
            <translation>原料批号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="163" />
            <source>Scan</source>
            <translation>扫码</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="164" />
            <source>Certificate</source>
            <translation>合格证</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="165" />
            <source>Certificate template</source>
            <translation>合格证模板</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="166" />
            <source>Possible duplicate</source>
            <translation>疑似重复</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="167" />
            <source>Merge step</source>
            <translation>合并步骤</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="168" />
            <source>Rush case</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="169" />
            <source>Rush step</source>
            <translation>急单环节</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="170" />
            <source>Notification</source>
            <translation>通知</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="171" />
            <source>Kit report</source>
            <translation>齐套报告</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="172" />
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="173" />
            <source>Channel API key</source>
            <translation>渠道接口密钥</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="174" />
            <source>Sync change log</source>
            <translation>同步变更日志</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="175" />
            <source>Sync conflict</source>
            <translation>同步冲突</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="176" />
            <source>Station</source>
            <translation>工作站</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="177" />
            <source>Sign-in token</source>
            <translation>登录令牌</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="178" />
            <source>EDI message</source>
            <translation>EDI 报文</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="179" />
            <source>EDI partner</source>
            <translation>EDI 伙伴</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="180" />
            <source>Exception photo</source>
            <translation>异常照片</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="181" />
            <source>Exception report</source>
            <translation>异常上报</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="182" />
            <source>Handbook edition</source>
            <translation>手册版本</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="183" />
            <source>Inbound shipment</source>
            <translation>进口到货</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="184" />
            <source>Invoice line</source>
            <translation>发票明细</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="185" />
            <source>Invoice split rules</source>
            <translation>拆票规则</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="186" />
            <source>Invoice</source>
            <translation>发票</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="187" />
            <source>Lessons-learned card</source>
            <translation>经验卡</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="188" />
            <source>Machine log</source>
            <translation>设备记录</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="189" />
            <source>Outbox</source>
            <translation>待上传队列</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="190" />
            <source>Planned downtime</source>
            <translation>计划停机</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="191" />
            <source>Product tax rate</source>
            <translation>产品税率</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="192" />
            <source>Reschedule</source>
            <translation>改期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="193" />
            <source>Routing</source>
            <translation>工艺路线</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="194" />
            <source>Share link</source>
            <translation>分享链接</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="195" />
            <source>Shipment line</source>
            <translation>发货明细</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="196" />
            <source>Shipment</source>
            <translation>发货单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="197" />
            <source>Audit chain anchor</source>
            <translation>审计链锚点</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="198" />
            <source>Shift</source>
            <translation>班次</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="199" />
            <source>Machine</source>
            <translation>设备</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="200" />
            <source>Work order</source>
            <translation>工单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="208" />
            <source>Sales status</source>
            <translation>销售状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="209" />
            <source>Production status</source>
            <translation>生产状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="210" />
            <source>Warehouse status</source>
            <translation>仓库状态</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="211" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="212" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="213" />
            <source>Due date</source>
            <translation>交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="214" />
            <source>Requested date</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="215" />
            <source>Promised date</source>
            <translation>承诺交期</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="216" />
            <source>Customer PO</source>
            <translation>客户采购单号</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="217" />
            <source>Rush</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="218" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="148" />
            <location filename="../../ui/board/labels.py" line="219" />
            <source>Delivery address</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="76" />
            <source>Account unlocked</source>
            <translation>账户已解锁</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="77" />
            <source>Password reset</source>
            <translation>密码已重置</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="161" />
            <source>Final inspection</source>
            <translation>出厂检验</translation>
        </message>
        <message>
            <location filename="../../ui/board/labels.py" line="162" />
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
