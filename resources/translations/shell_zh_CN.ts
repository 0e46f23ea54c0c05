<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <location filename="../../ui/login.py" line="285" />
            <location filename="../../ui/login.py" line="291" />
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="286" />
            <source>Choose a new password for your account.</source>
            <translation>为您的账号设置新密码。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="287" />
            <source>Your password was set by an administrator or has expired. Choose a new one to continue.</source>
            <translation>您的密码由管理员设置或已过期。请设置新密码后继续。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="289" />
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="290" />
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="293" />
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="293" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="302" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../ui/login.py" line="210" />
            <source>First start — orderdesk</source>
            <translation>首次启动 — orderdesk</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="212" />
            <source>This database has no accounts yet. Create the system administrator account. The administrator manages accounts and settings but does not enter business data.</source>
            <translation>此数据库还没有任何账号。请创建系统管理员账号。系统管理员负责账号和设置,不录入业务数据。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="214" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="214" />
            <source>Display name</source>
            <translation>显示名称</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="215" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="215" />
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="217" />
            <source>Create administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="218" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="227" />
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="../../ui/login.py" line="114" />
            <source>Sign in — orderdesk</source>
            <translation>登录 — orderdesk</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="115" />
            <source>Sign in to station {station}</source>
            <translation>登录工作站 {station}</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="117" />
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="118" />
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="119" />
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="120" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="122" />
            <source>Demo factory: sign in as one of {users} with the password {password}.</source>
            <translation>演示工厂:可用以下任一账号登录 {users},密码 {password}。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="135" />
            <source>Enter your user name and password.</source>
            <translation>请输入用户名和密码。</translation>
        </message>
        <message>
            <location filename="../../ui/login.py" line="138" />
            <source>Checking…</source>
            <translation>正在验证…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="191" />
            <source>orderdesk — {user} @ {station}</source>
            <translation>orderdesk — {user} @ {station}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="193" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="194" />
            <source>Station &amp;settings…</source>
            <translation>工作站设置(&amp;S)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="195" />
            <source>Change &amp;password…</source>
            <translation>修改密码(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="196" />
            <source>Sign &amp;out</source>
            <translation>退出登录(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="197" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="198" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="199" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="200" />
            <source>&amp;About orderdesk</source>
            <translation>关于 orderdesk(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="206" />
            <source>Signed in: {name} ({roles})</source>
            <translation>当前用户:{name}({roles})</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="208" />
            <source>Station: {station}</source>
            <translation>工作站:{station}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="210" />
            <source>Local only</source>
            <translation>本地模式</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="211" />
            <source>Server: {url} (sync not installed)</source>
            <translation>服务器:{url}(未安装同步)</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="344" />
            <source>About orderdesk</source>
            <translation>关于 orderdesk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="345" />
            <source>orderdesk {version}
Order flow stations for discrete manufacturers.</source>
            <translation>orderdesk {version}
面向离散制造企业的订单协同工作站。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="292" />
            <source>still running: {task}</source>
            <translation>仍在进行:{task}</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="314" />
            <source>Quit orderdesk?</source>
            <translation>退出 orderdesk?</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="315" />
            <source>This is not finished:
{work}

Quit anyway? Running work is finished first; typed input that is not saved is lost.</source>
            <translation>以下工作尚未完成:
{work}

仍要退出吗?进行中的工作会先完成;未保存的录入将丢失。</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="317" />
            <source>Sign out?</source>
            <translation>注销?</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="318" />
            <source>This is not finished:
{work}

Sign out anyway? Typed input that is not saved is lost.</source>
            <translation>以下工作尚未完成:
{work}

仍要注销吗?未保存的录入将丢失。</translation>
        </message>
    </context>
    <context>
        <name>NotInstalledPage</name>
        <message>
            <location filename="../../ui/placeholder.py" line="55" />
            <source>The {station} station is not installed in this version.</source>
            <translation>此版本未安装「{station}」工作台。</translation>
        </message>
    </context>
    <context>
        <name>PageErrorPage</name>
        <message>
            <location filename="../../ui/placeholder.py" line="85" />
            <source>The {station} station could not be opened ({detail}). The other stations work; the details are in the log.</source>
            <translation>无法打开「{station}」工作台({detail})。其他工作台可正常使用,详情见日志。</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <location filename="../../ui/tasks.py" line="291" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings_dialog.py" line="94" />
            <source>System default printer</source>
            <translation>系统默认打印机</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="63" />
            <source>{name} (not found)</source>
            <translation>{name}(未找到)</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="95" />
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="96" />
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="97" />
            <source>A new station name or server address takes effect at the next start.</source>
            <translation>新的工作站名称或服务器地址在下次启动时生效。</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="99" />
            <source>Station name</source>
            <translation>工作站名称</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="99" />
            <source>Server address</source>
            <translation>服务器地址</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="100" />
            <source>Printer</source>
            <translation>打印机</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="101" />
            <source>Sign out when idle after</source>
            <translation>空闲自动退出时间</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="93" />
            <source>Station settings</source>
            <translation>工作站设置</translation>
        </message>
        <message>
            <location filename="../../ui/settings_dialog.py" line="112" />
            <source>The server address must start with http:// or https:// and name a host, e.g. https://10.0.0.5:8443</source>
            <translation>服务器地址须以 http:// 或 https:// 开头并包含主机,例如 https://10.0.0.5:8443</translation>
        </message>
    </context>
    <context>
        <name>StationPage</name>
        <message>
            <location filename="../../ui/page.py" line="29" />
            <source>Page</source>
            <translation>页面</translation>
        </message>
    </context>
    <context>
        <name>StationShell</name>
        <message>
            <location filename="../../ui/app.py" line="235" />
            <source>Signed out after {minutes} minutes without use. Sign in again.</source>
            <translation>已空闲 {minutes} 分钟,自动退出登录。请重新登录。</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <location filename="../../ui/errors.py" line="68" />
            <source>it already exists</source>
            <translation>已存在</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="69" />
            <source>it is required</source>
            <translation>必填</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="70" />
            <source>it is not known</source>
            <translation>不存在</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="71" />
            <source>it is not a number</source>
            <translation>不是数字</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="72" />
            <source>it must be greater than zero</source>
            <translation>必须大于零</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="73" />
            <source>it cannot be edited</source>
            <translation>不可修改</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="74" />
            <source>it is empty</source>
            <translation>为空</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="75" />
            <source>it already belongs to another order</source>
            <translation>已属于另一个订单</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="76" />
            <source>accounts already exist</source>
            <translation>已存在账号</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="86" />
            <source>Invalid {field}</source>
            <translation>{field}有误</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="89" />
            <source>: “{value}”</source>
            <translation>:“{value}”</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="91" />
            <source> (line {line})</source>
            <translation>(第 {line} 行)</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="93" />
            <source> — {reason}</source>
            <translation>:{reason}</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="99" />
            <source>user name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="100" />
            <source>roles</source>
            <translation>角色</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="101" />
            <source>password</source>
            <translation>密码</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="102" />
            <source>quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="103" />
            <source>unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="104" />
            <source>product code</source>
            <translation>产品编码</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="105" />
            <source>customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="106" />
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="107" />
            <source>text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="108" />
            <source>order lines</source>
            <translation>订单行</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="109" />
            <source>channel order number</source>
            <translation>渠道单号</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="110" />
            <source>department</source>
            <translation>部门</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="111" />
            <source>accounts</source>
            <translation>账号</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="120" />
            <source>Not found: {entity} {key}.</source>
            <translation>找不到{entity}:{key}。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="121" />
            <source>You are not allowed to do this ({action}).</source>
            <translation>您没有执行此操作的权限({action})。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="122" />
            <source>Wrong user name or password.</source>
            <translation>用户名或密码错误。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="123" />
            <source>This account is locked after too many wrong passwords. Try again after {until}.</source>
            <translation>密码错误次数过多,账号已锁定。请于 {until} 后再试。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="125" />
            <source>This account is disabled. Ask the system administrator.</source>
            <translation>此账号已停用,请联系系统管理员。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="126" />
            <source>The password is too weak: use at least {min_length} characters from {min_classes} of: lower case, upper case, digits, symbols.</source>
            <translation>密码太弱:至少 {min_length} 位,并包含小写字母、大写字母、数字、符号中的 {min_classes} 类。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="129" />
            <source>The database {url} was written by a newer orderdesk. Install the newer program.</source>
            <translation>数据库 {url} 来自更新版本的 orderdesk,请安装新版本程序。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="131" />
            <source>The database {url} is busy in another program. Try again in a moment.</source>
            <translation>数据库 {url} 正被其他程序占用,请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="133" />
            <source>Cannot read the database {url}: {reason}.</source>
            <translation>无法读取数据库 {url}:{reason}。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="134" />
            <source>Business records cannot be deleted ({entity}); cancel or archive them instead.</source>
            <translation>业务数据不能删除({entity}),请使用取消或归档。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="136" />
            <location filename="../../ui/errors.py" line="163" />
            <source>File not found: {path}.</source>
            <translation>文件不存在:{path}。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="145" />
            <source>Something went wrong: {what}.</source>
            <translation>出现错误:{what}。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="160" />
            <location filename="../../ui/errors.py" line="188" />
            <source>The operation was refused ({code}).</source>
            <translation>操作被拒绝({code})。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="166" />
            <source>No permission to open {path}.</source>
            <translation>没有权限打开 {path}。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="169" />
            <source>A file or network operation failed: {what}.</source>
            <translation>文件或网络操作失败:{what}。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="172" />
            <source>The database is busy in another program. Try again in a moment.</source>
            <translation>数据库正被其他程序占用,请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="174" />
            <source>Something went wrong ({what}). Nothing was saved; the details are in the log.</source>
            <translation>出现错误({what})。未保存任何内容,详情见日志。</translation>
        </message>
        <message>
            <location filename="../../ui/errors.py" line="198" />
            <source>orderdesk</source>
            <translation>orderdesk</translation>
        </message>
    </context>
    <context>
        <name>roles</name>
        <message>
            <location filename="../../ui/main_window.py" line="370" />
            <source>Sales</source>
            <translation>销售</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="371" />
            <source>Engineering</source>
            <translation>技术</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="372" />
            <source>PMC</source>
            <translation>PMC</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="373" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="374" />
            <source>Quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="375" />
            <source>Finance</source>
            <translation>财务</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="376" />
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="377" />
            <source>System admin</source>
            <translation>系统管理员</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="378" />
            <source>Security admin</source>
            <translation>安全管理员</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="379" />
            <source>Auditor</source>
            <translation>审计员</translation>
        </message>
    </context>
    <context>
        <name>stations</name>
        <message>
            <location filename="../../ui/placeholder.py" line="14" />
            <source>Sales</source>
            <translation>销售</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="15" />
            <source>Warehouse</source>
            <translation>仓库</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="16" />
            <source>Quality</source>
            <translation>质量</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="17" />
            <source>PMC</source>
            <translation>PMC</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="18" />
            <source>Finance</source>
            <translation>财务</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="19" />
            <source>Overview</source>
            <translation>总览</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="20" />
            <source>Order board</source>
            <translation>订单看板</translation>
        </message>
        <message>
            <location filename="../../ui/placeholder.py" line="21" />
            <source>Administration</source>
            <translation>系统管理</translation>
        </message>
    </context>
</TS>
