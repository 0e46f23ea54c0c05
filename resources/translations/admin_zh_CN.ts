<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin/page.py" line="494"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="499"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="500"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="501"/>
        <source>Your roles give no administration rights.</source>
        <translation>您的角色没有管理权限。</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/admin/page.py" line="275"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="276"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="277"/>
        <location filename="../../ui/admin/page.py" line="348"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="278"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="279"/>
        <location filename="../../ui/admin/page.py" line="348"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="281"/>
        <location filename="../../ui/admin/page.py" line="348"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="283"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="285"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="286"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="287"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="289"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="349"/>
        <source>Contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="349"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="351"/>
        <source>Record id or value</source>
        <translation>记录编号或值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="352"/>
        <location filename="../../ui/admin/page.py" line="434"/>
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="365"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="427"/>
        <source>{shown} of {total} entries</source>
        <translation>已显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="432"/>
        <source>Checking the audit trail…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="435"/>
        <source>Checking every audit entry…</source>
        <translation>正在逐条校验审计记录…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="441"/>
        <source>Check stopped after {n} entries.</source>
        <translation>已校验 {n} 条后停止。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="445"/>
        <source>Audit trail intact: {n} entries checked, none altered or removed.</source>
        <translation>审计日志完好:已校验 {n} 条,无篡改、无删除。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="449"/>
        <source>Audit entry No. {id} was altered after it was written ({n} entries before it are intact).</source>
        <translation>第 {id} 条审计记录在写入后被篡改(其前 {n} 条完好)。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="453"/>
        <source>The chain is broken before audit entry No. {id}: an entry was removed or inserted ({n} entries before it are intact).</source>
        <translation>审计链在第 {id} 条记录前断开:有记录被删除或插入(其前 {n} 条完好)。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin/page.py" line="98"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="99"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="101"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="102"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="111"/>
        <source>Account {name}</source>
        <translation>账号 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="112"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="120"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="139"/>
        <source>One account holds at most one of System admin, Security admin and Auditor, and never one of them together with a business role (separation of duties). Use a separate account for each.</source>
        <translation>一个账号最多只能担任系统管理员、安全管理员、审计员中的一个角色,且管理员角色不能与业务角色同时授予(三权分立)。请为每个角色使用单独的账号。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="143"/>
        <source>Nobody can change the roles of their own account. Ask another system administrator.</source>
        <translation>任何人都不能修改自己账号的角色。请由另一位系统管理员操作。</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/admin/page.py" line="170"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="171"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="172"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="173"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="174"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="203"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="205"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="206"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="209"/>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="210"/>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="227"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="228"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
</context>
</TS>
