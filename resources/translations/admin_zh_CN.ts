<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin/page.py" line="572"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="577"/>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="578"/>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="579"/>
        <source>Your roles give no administration rights.</source>
        <translation>您的角色没有管理权限。</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../ui/admin/page.py" line="343"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="344"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="345"/>
        <location filename="../../ui/admin/page.py" line="421"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="348"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="351"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="352"/>
        <location filename="../../ui/admin/page.py" line="421"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="354"/>
        <location filename="../../ui/admin/page.py" line="421"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="356"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="358"/>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="359"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="360"/>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="362"/>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="422"/>
        <source>Contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="422"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="424"/>
        <source>Record id or value</source>
        <translation>记录编号或值</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="425"/>
        <location filename="../../ui/admin/page.py" line="509"/>
        <source>Verify hash chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="438"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="502"/>
        <source>{shown} of {total} entries</source>
        <translation>已显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="507"/>
        <source>Checking the audit trail…</source>
        <translation>正在校验审计日志…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="510"/>
        <source>Checking every audit entry…</source>
        <translation>正在逐条校验审计记录…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="516"/>
        <source>Check stopped after {n} entries.</source>
        <translation>已校验 {n} 条后停止。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="520"/>
        <source>Audit trail intact: {n} entries checked, none altered or removed.</source>
        <translation>审计日志完好:已校验 {n} 条,无篡改、无删除。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="524"/>
        <source>Audit entry No. {id} was altered after it was written ({n} entries before it are intact).</source>
        <translation>第 {id} 条审计记录在写入后被篡改(其前 {n} 条完好)。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="528"/>
        <source>The chain is broken before audit entry No. {id}: an entry was removed or inserted ({n} entries before it are intact).</source>
        <translation>审计链在第 {id} 条记录前断开:有记录被删除或插入(其前 {n} 条完好)。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/admin/account_actions.py" line="84"/>
        <location filename="../../ui/admin/account_actions.py" line="90"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/account_actions.py" line="86"/>
        <source>A new password for {user}. Tell it to the person in private: at the next sign-in they must choose their own.</source>
        <translation>为 {user} 设置新密码。请私下告知本人:下次登录时必须改为自己的密码。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/account_actions.py" line="88"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/account_actions.py" line="89"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/account_actions.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/admin/account_actions.py" line="100"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../ui/admin/page.py" line="121"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="121"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="122"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="122"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="119"/>
        <source>Account {name}</source>
        <translation>账号 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="120"/>
        <source>New account</source>
        <translation>新建账号</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="138"/>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="157"/>
        <source>One account holds at most one of System admin, Security admin and Auditor, and never one of them together with a business role (separation of duties). Use a separate account for each.</source>
        <translation>一个账号最多只能担任系统管理员、安全管理员、审计员中的一个角色,且管理员角色不能与业务角色同时授予(三权分立)。请为每个角色使用单独的账号。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="161"/>
        <source>Nobody can change the roles of their own account. Ask another system administrator.</source>
        <translation>任何人都不能修改自己账号的角色。请由另一位系统管理员操作。</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/admin/page.py" line="188"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="189"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="190"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="191"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="192"/>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="236"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="238"/>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="239"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="242"/>
        <source>New account…</source>
        <translation>新建账号…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="243"/>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="244"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="245"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="267"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="268"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="303"/>
        <source>{user} is unlocked and may sign in again.</source>
        <translation>{user} 已解锁,可以重新登录。</translation>
    </message>
    <message>
        <location filename="../../ui/admin/page.py" line="316"/>
        <source>New password set for {user}; they must choose their own at the next sign-in.</source>
        <translation>已为 {user} 设置新密码;下次登录时必须改为自己的密码。</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="19"/>
        <location filename="../../ui/admin/audit_sentences.py" line="25"/>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="27"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="28"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="30"/>
        <source>{n} values</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="49"/>
        <source>Created {record}</source>
        <translation>新建了{record}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="50"/>
        <source>Created a record</source>
        <translation>新建了一条记录</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="52"/>
        <source>Changed {field} of {record} from “{old}” to “{new}”</source>
        <translation>将{record}的{field}从“{old}”改为“{new}”</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="57"/>
        <source>Removed {record}</source>
        <translation>删除了{record}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_sentences.py" line="60"/>
        <source>{event}: {record}</source>
        <translation>{event}:{record}</translation>
    </message>
    <message>
        <source>{kind} of order {order}</source>
        <translation>订单 {order} 的{kind}</translation>
    </message>
</context>
</TS>
