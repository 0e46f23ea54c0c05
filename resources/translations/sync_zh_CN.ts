<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ConflictTableModel</name>
        <message>
            <location filename="../../ui/conflicts.py" line="74" />
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="74" />
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="74" />
            <source>Before</source>
            <translation>修改前</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="75" />
            <source>Value now</source>
            <translation>当前值</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="75" />
            <source>Set by</source>
            <translation>当前值来自</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="76" />
            <source>Other value</source>
            <translation>另一值</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="76" />
            <source>Other by</source>
            <translation>另一值来自</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="77" />
            <source>Rule</source>
            <translation>规则</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="77" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="82" />
            <source>transaction not sent ({n} changes)</source>
            <translation>未发送的事务({n} 项变更)</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="84" />
            <source>change not applied</source>
            <translation>修改未生效</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="86" />
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="86" />
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="87" />
            <source>Customer PO</source>
            <translation>客户订单号</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="87" />
            <source>Requested date</source>
            <translation>要求交期</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="88" />
            <source>Promised date</source>
            <translation>承诺交期</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="88" />
            <source>Address</source>
            <translation>送货地址</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="89" />
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="89" />
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="90" />
            <source>Sales status</source>
            <translation>销售状态</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="91" />
            <source>Production status</source>
            <translation>生产状态</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="92" />
            <source>Warehouse status</source>
            <translation>仓库状态</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="92" />
            <source>Rush</source>
            <translation>急单</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="93" />
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="93" />
            <source>Merged into</source>
            <translation>合并到</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="94" />
            <source>Stock on hand</source>
            <translation>库存</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="94" />
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="100" />
            <source>parked: {reason}</source>
            <translation>已暂存:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="102" />
            <source>later change kept</source>
            <translation>保留后到的修改</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="103" />
            <source>further status kept</source>
            <translation>保留更靠后的状态</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="104" />
            <source>guarded: first value kept</source>
            <translation>受保护:保留先到的值</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="105" />
            <source>not applied</source>
            <translation>未生效</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="119" />
            <source>{user} may not make this change</source>
            <translation>{user} 无权做此修改</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="120" />
            <source>user {user} is unknown to the server</source>
            <translation>服务器上没有用户 {user}</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="121" />
            <source>account {user} is disabled on the server</source>
            <translation>账号 {user} 已在服务器上停用</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="123" />
            <source>the change names no user</source>
            <translation>修改未记录操作人</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="124" />
            <source>accounts and roles need a named administrator</source>
            <translation>账号和角色须由具名管理员修改</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="125" />
            <source>this record is never synchronised</source>
            <translation>此类记录不参与同步</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="126" />
            <source>the record no longer exists on the server</source>
            <translation>服务器上已无此记录</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="127" />
            <source>the record was changed elsewhere meanwhile</source>
            <translation>此记录已在别处被修改</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="128" />
            <source>records are never deleted</source>
            <translation>记录不可删除</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="129" />
            <source>clashes with data on the server (e.g. a number in use)</source>
            <translation>与服务器数据冲突(如编号已被占用)</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="130" />
            <source>{user} would hold roles that must stay separate</source>
            <translation>{user} 将同时持有必须分离的角色</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="161" />
            <source>resolved by {user}</source>
            <translation>已由 {user} 处理</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="162" />
            <source>waiting to send</source>
            <translation>待发送</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="162" />
            <source>open</source>
            <translation>待处理</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <location filename="../../ui/conflicts.py" line="283" />
            <source>Sync conflicts</source>
            <translation>同步冲突</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <location filename="../../ui/conflicts.py" line="215" />
            <source>Conflicts between stations: both values are kept until someone decides</source>
            <translation>工作站之间的修改冲突:两个值都已保留,等待人工确认</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="217" />
            <source>Show resolved</source>
            <translation>显示已处理</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="218" />
            <location filename="../../ui/conflicts.py" line="249" />
            <source>Keep value now</source>
            <translation>保留当前值</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="219" />
            <location filename="../../ui/conflicts.py" line="250" />
            <source>Use other value</source>
            <translation>改用另一值</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="249" />
            <source>Retry</source>
            <translation>重新发送</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="250" />
            <source>Discard</source>
            <translation>放弃发送</translation>
        </message>
        <message>
            <location filename="../../ui/conflicts.py" line="270" />
            <source>Decision saved; it is sent with the next sync.</source>
            <translation>已保存处理结果,将随下次同步发送。</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../../ui/sync_status.py" line="75" />
            <source>Downloading {percent}%</source>
            <translation>正在下载 {percent}%</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="101" />
            <source>● Online</source>
            <translation>● 在线</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="101" />
            <source>● Offline</source>
            <translation>● 离线</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="102" />
            <source>● Sync problem</source>
            <translation>● 同步异常</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="102" />
            <source>Local only</source>
            <translation>仅本地</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="103" />
            <source>Station not registered: no station key</source>
            <translation>工作站未注册:缺少工作站密钥</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="111" />
            <source>Sync problem: {code}</source>
            <translation>同步异常:{code}</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="113" />
            <source>Server: {url}</source>
            <translation>服务器:{url}</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="114" />
            <source>To send: {n}</source>
            <translation>待发送:{n}</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="115" />
            <source>Last sync: {time}</source>
            <translation>上次同步:{time}</translation>
        </message>
        <message>
            <location filename="../../ui/sync_status.py" line="117" />
            <source>Conflicts: {n}</source>
            <translation>冲突:{n}</translation>
        </message>
    </context>
</TS>
