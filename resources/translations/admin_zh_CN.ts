<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin/page.py" line="522"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="527"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="528"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="529"/>
        <source>Your roles give no administration rights.</source>
        <translation>您的角色没有管理权限。</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/admin/page.py" line="290"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="291"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="292"/>
        <location filename="../../ui/admin/page.py" line="373"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="293"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="294"/>
        <location filename="../../ui/admin/page.py" line="373"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="296"/>
        <location filename="../../ui/admin/page.py" line="373"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="298"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="299"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="300"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="301"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="303"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="374"/>
        <source>Contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="374"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="376"/>
        <source>Record id or value</source>
        <translation>记录编号或值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="377"/>
        <location filename="../../ui/admin/page.py" line="462"/>
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="390"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="455"/>
        <source>{shown} of {total} entries</source>
        <translation>已显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="460"/>
        <source>Checking the audit trail…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="463"/>
        <source>Checking every audit entry…</source>
        <translation>正在逐条校验审计记录…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="469"/>
        <source>Check stopped after {n} entries.</source>
        <translation>已校验 {n} 条后停止。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="473"/>
        <source>Audit trail intact: {n} entries checked, none altered or removed.</source>
        <translation>审计日志完好:已校验 {n} 条,无篡改、无删除。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="477"/>
        <source>Audit entry No. {id} was altered after it was written ({n} entries before it are intact).</source>
        <translation>第 {id} 条审计记录在写入后被篡改(其前 {n} 条完好)。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="481"/>
        <source>The chain is broken before audit entry No. {id}: an entry was removed or inserted ({n} entries before it are intact).</source>
        <translation>审计链在第 {id} 条记录前断开:有记录被删除或插入(其前 {n} 条完好)。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin/page.py" line="127"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="128"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="130"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="131"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="140"/>
        <source>Account {name}</source>
        <translation>账号 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="141"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="149"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/admin/page.py" line="187"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="188"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="189"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="190"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="191"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="220"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="222"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="223"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="226"/>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="227"/>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="242"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="243"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../ui/admin/page.py" line="60"/>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="61"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="62"/>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="63"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="64"/>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="65"/>
        <location filename="../../ui/admin/page.py" line="80"/>
        <source>Account locked</source>
        <translation>账号锁定</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="66"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="67"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="68"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="69"/>
        <source>Audit check</source>
        <translation>审计校验</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="76"/>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="77"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="78"/>
        <source>Unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="79"/>
        <source>Account disabled</source>
        <translation>账号已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="81"/>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="82"/>
        <source>Chain broken</source>
        <translation>链已断开</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="83"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
</context>
</TS>
