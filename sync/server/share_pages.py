"""HTML of the share pages: mobile first, Chinese by default, readable without JavaScript.

Each page is a full snapshot rendered on the server (it works with scripts off, with a
"last updated" time and a plain reload link); `live.js` then swaps the `#live` section
for newer snapshots pushed over server-sent events. Everything is escaped here, in one
place. No external assets: a phone on a weak connection loads one small document, one
small script and inline QR images.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
from decimal import Decimal

from orderdesk import statuses
from orderdesk.share.status_view import BoardView, CustomerView, OrderView

DEPT = {"zh": {"sales": "销售", "production": "生产", "warehouse": "仓库"},
        "en": {"sales": "Sales", "production": "Production", "warehouse": "Warehouse"}}
EN_STATUS = {
    "draft": "draft", "confirmed": "confirmed", "contracted": "contracted",
    "awaiting_schedule": "awaiting schedule", "material_issued": "material issued",
    "in_production": "in production", "in_inspection": "in inspection",
    "finished": "finished", "awaiting_stock": "awaiting stock", "kitted": "kitted",
    "picking": "picking", "ready_to_ship": "ready to ship", "shipped": "shipped",
    "received": "order received",
}
ZH_EXTRA = {"received": "收到订单"}
CERT_STATUS = {"zh": {"issued": "有效", "revoked": "已作废", "superseded": "已换发"},
               "en": {"issued": "valid", "revoked": "revoked", "superseded": "superseded"}}
BOARD_TITLE = {"zh": {"sales": "销售看板", "production": "生产看板", "warehouse": "仓库看板"},
               "en": {"sales": "Sales board", "production": "Production board",
                      "warehouse": "Warehouse board"}}

T = {
    "zh": {
        "order": "订单", "po": "客户PO", "ordered": "下单时间", "requested": "要求交期",
        "promised": "承诺交期", "rush": "加急", "cancelled": "已取消", "timeline": "进度记录",
        "moved": "交期调整", "reason": "原因", "no_reason": "未注明", "lines": "明细",
        "qty": "数量", "due": "交期", "price": "单价", "amount": "金额", "total": "合计",
        "shipments": "发货", "certs": "合格证", "verify": "验证", "updated": "更新于",
        "reload": "刷新", "live": "实时更新中", "offline": "连接中断，稍后自动重试",
        "open_orders": "未完成订单", "none": "暂无", "customer": "客户",
        "expired_t": "链接已过期", "expired_b": "此分享链接已过期，请联系业务员重新获取。",
        "revoked_t": "链接已停用", "revoked_b": "此分享链接已被停用，请联系业务员。",
        "invalid_t": "链接无效", "invalid_b": "链接不完整或已被改动，请检查后重试。",
        "slow_t": "访问过于频繁", "slow_b": "请稍后再试。", "gone_order": "订单不存在",
        "carrier": "承运", "packages": "件数", "status": "状态", "lang": "English",
        "footer": "此页面为只读状态页，由 orderdesk 生成", "of": "共",
    },
    "en": {
        "order": "Order", "po": "Customer PO", "ordered": "Ordered", "requested": "Requested",
        "promised": "Promised", "rush": "Rush", "cancelled": "Cancelled",
        "timeline": "Milestones", "moved": "Date moved", "reason": "reason",
        "no_reason": "not stated", "lines": "Lines", "qty": "Qty", "due": "Due",
        "price": "Unit price", "amount": "Amount", "total": "Total",
        "shipments": "Shipments", "certs": "Certificates", "verify": "Verify",
        "updated": "Updated", "reload": "Reload", "live": "Live",
        "offline": "Connection lost, retrying", "open_orders": "Open orders", "none": "None",
        "customer": "Customer", "expired_t": "Link expired",
        "expired_b": "This share link has expired. Ask your sales contact for a new one.",
        "revoked_t": "Link withdrawn",
        "revoked_b": "This share link was withdrawn. Please contact your sales contact.",
        "invalid_t": "Link not valid",
        "invalid_b": "The link is incomplete or was altered. Please check it.",
        "slow_t": "Too many requests", "slow_b": "Please try again in a moment.",
        "gone_order": "Order not found", "carrier": "Carrier", "packages": "Packages",
        "status": "Status", "lang": "中文", "footer": "Read-only status page by orderdesk",
        "of": "of",
    },
}

CSS = """
*{box-sizing:border-box}body{margin:0;font:16px/1.5 -apple-system,"PingFang SC",
"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f3f5f8;color:#1d2430}
header{background:#17406d;color:#fff;padding:14px 16px}header h1{font-size:20px;margin:0}
header .sub{opacity:.85;font-size:14px}main{padding:12px;max-width:720px;margin:0 auto}
.card{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px;
box-shadow:0 1px 2px rgba(0,0,0,.08)}h2{font-size:17px;margin:0 0 8px}
.kv{display:grid;grid-template-columns:7em 1fr;gap:4px 8px;font-size:15px}
.kv b{font-weight:600}.tag{display:inline-block;padding:2px 8px;border-radius:10px;
font-size:13px;background:#e7edf5;margin-left:6px}.rush{background:#fde3d9;color:#a2330b}
.cancel{background:#eee;color:#666}.dept{margin:10px 0}.dept .name{font-weight:600}
.bar{display:flex;gap:3px;margin-top:4px}.bar span{flex:1;height:10px;border-radius:5px;
background:#dde3ea}.bar span.done{background:#2f8f5b}.bar span.now{background:#e0a100}
.dept .st{font-size:15px}ol.tl{list-style:none;margin:0;padding:0}ol.tl li{padding:6px 0;
border-bottom:1px solid #eef1f4;font-size:15px}ol.tl time{color:#5c6b7c;font-size:13px;
display:block}.line{padding:8px 0;border-bottom:1px solid #eef1f4}.line .sku{font-weight:600}
.muted{color:#5c6b7c;font-size:14px}.moved{background:#fff6df;border-radius:8px;padding:8px;
margin-top:8px;font-size:15px}.qr{display:flex;gap:12px;align-items:center;margin:8px 0}
.qr img{width:112px;height:112px;image-rendering:pixelated}a.btn{display:inline-block;
min-height:44px;padding:10px 16px;border-radius:8px;background:#17406d;color:#fff;
text-decoration:none;font-size:16px}a.lnk{color:#17406d;display:inline-block;
min-height:44px;padding:10px 0}footer{color:#5c6b7c;font-size:13px;text-align:center;
padding:8px 12px 24px}#state{font-size:13px;opacity:.9}#state.off{color:#ffd6c7}
table{width:100%;border-collapse:collapse;font-size:14px}td,th{padding:8px 4px;
border-bottom:1px solid #eef1f4;text-align:left;vertical-align:top}
.msg{text-align:center;padding:48px 16px}.msg h1{font-size:22px}
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def status_label(status: str, lang: str) -> str:
    if lang == "en":
        return EN_STATUS.get(status, status)
    return statuses.ZH_LABELS.get(status) or ZH_EXTRA.get(status) or status


def _dt(value: dt.datetime | None) -> str:
    # Stored in UTC; the factory and its customers read China time (UTC+8, no DST).
    if value is None:
        return ""
    return (value + dt.timedelta(hours=8)).strftime("%Y-%m-%d %H:%M")


def _d(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"


UNIT_ZH = {"pcs": "件", "pc": "件", "kg": "千克", "set": "套", "m": "米"}


def unit_label(unit: str, lang: str) -> str:
    return UNIT_ZH.get(unit, unit) if lang == "zh" else unit


def _qty(q: Decimal) -> str:
    return f"{q:,.0f}" if q == q.to_integral_value() else f"{q:,.2f}"


def _money(q: Decimal | None) -> str:
    return "—" if q is None else f"¥{q:,.2f}"


def qr_data_uri(text: str) -> str:
    import qrcode

    img = qrcode.make(text, box_size=4, border=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _steps(view: OrderView, lang: str) -> str:
    out = []
    for step in view.steps:
        bars = "".join(
            f'<span class="{"done" if i < step.index else "now" if i == step.index else ""}">'
            "</span>" for i in range(len(step.flow)))
        out.append(f'<div class="dept" data-dept="{esc(step.department)}">'
                   f'<span class="name">{esc(DEPT[lang][step.department])}</span> '
                   f'<span class="st">{esc(status_label(step.status, lang))}</span>'
                   f'<div class="bar">{bars}</div></div>')
    return "".join(out)


def order_section(view: OrderView, lang: str, *, verify_base: str = "") -> str:
    t = T[lang]
    tags = ""
    if view.rush:
        tags += f'<span class="tag rush">{esc(t["rush"])}</span>'
    if view.cancelled:
        tags += f'<span class="tag cancel">{esc(t["cancelled"])}</span>'
    kv = [(t["ordered"], _dt(view.order_time)), (t["requested"], _d(view.requested_date)),
          (t["promised"], _d(view.promised_date))]
    if view.customer_po:
        kv.insert(0, (t["po"], view.customer_po))
    parts = [f'<div class="card"><h2>{esc(t["order"])} {esc(view.order_no)}{tags}</h2>'
             '<div class="kv">' + "".join(f"<b>{esc(k)}</b><span>{esc(v)}</span>" for k, v in kv)
             + "</div>"]
    for ch in view.promise_changes:
        reason = ch.reason or t["no_reason"]
        parts.append(f'<div class="moved">{esc(t["moved"])}: {esc(_d(ch.old))} → '
                     f'<b>{esc(_d(ch.new))}</b> ({esc(_dt(ch.at))})<br>'
                     f'{esc(t["reason"])}: {esc(reason)}</div>')
    parts.append(_steps(view, lang) + "</div>")
    lines = []
    for ln in view.lines:
        price = ""
        if view.prices:
            price = (f'<div class="muted">{esc(t["price"])} {esc(_money(ln.unit_price))} · '
                     f'{esc(t["amount"])} {esc(_money(ln.amount))}</div>')
        lines.append(f'<div class="line"><span class="sku">{esc(ln.sku)}</span> {esc(ln.name)}'
                     f'<div>{esc(t["qty"])} {esc(_qty(ln.quantity))} {esc(unit_label(ln.unit, lang))} · '
                     f'{esc(t["due"])} {esc(_d(ln.due_date))}</div>{price}</div>')
    total = ""
    if view.prices and view.total is not None:
        total = f'<div class="kv"><b>{esc(t["total"])}</b><span>{esc(_money(view.total))}</span></div>'
    parts.append(f'<div class="card"><h2>{esc(t["lines"])}</h2>{"".join(lines) or esc(t["none"])}'
                 f"{total}</div>")
    if view.shipments:
        rows = "".join(f"<li>{esc(s.number)} · {esc(_d(s.shipped_on))}"
                       f"{' · ' + esc(s.carrier) if s.carrier else ''}"
                       f"{' · ' + esc(t['packages']) + ' ' + esc(s.packages) if s.packages else ''}"
                       "</li>" for s in view.shipments)
        parts.append(f'<div class="card"><h2>{esc(t["shipments"])}</h2><ol class="tl">{rows}</ol></div>')
    if view.certificates:
        certs = []
        for c in view.certificates:
            link = c.verify_text if c.verify_text.startswith(("http://", "https://")) \
                else f"{verify_base}/v/{c.number}"
            certs.append(f'<div class="qr"><img alt="QR" src="{qr_data_uri(c.verify_text)}">'
                         f'<div><b>{esc(c.number)}</b> '
                         f'{esc(CERT_STATUS[lang].get(c.status, c.status))}<br>'
                         f'<a class="lnk" href="{esc(link)}" rel="noreferrer">{esc(t["verify"])}</a>'
                         "</div></div>")
        parts.append(f'<div class="card"><h2>{esc(t["certs"])}</h2>{"".join(certs)}</div>')
    events = "".join(
        f'<li><time>{esc(_dt(m.at))}</time>{esc(DEPT[lang][m.department])} · '
        f'{esc(status_label(m.status, lang))}</li>' for m in reversed(view.milestones))
    parts.append(f'<div class="card"><h2>{esc(t["timeline"])}</h2><ol class="tl">{events}</ol></div>')
    return "".join(parts)


def customer_section(view: CustomerView, lang: str, *, verify_base: str = "") -> str:
    t = T[lang]
    head = (f'<div class="card"><h2>{esc(view.name)}</h2>'
            f'<div class="muted">{esc(t["open_orders"])}: {view.total_open}</div></div>')
    if not view.orders:
        return head + f'<div class="card">{esc(t["none"])}</div>'
    return head + "".join(order_section(o, lang, verify_base=verify_base) for o in view.orders)


def board_section(view: BoardView, lang: str) -> str:
    t = T[lang]
    rows = "".join(
        f'<tr><td><b>{esc(r.order_no)}</b>{" ⚡" if r.rush else ""}<br>'
        f'<span class="muted">{esc(r.customer_name)}</span></td>'
        f'<td>{esc(_d(r.due))}</td><td>{esc(status_label(r.status, lang))}<br>'
        f'<span class="muted">{esc(r.detail)}</span></td></tr>' for r in view.rows)
    return (f'<div class="card"><h2>{esc(BOARD_TITLE[lang][view.role])}</h2>'
            f'<div class="muted">{esc(t["open_orders"])}: {view.total_open}</div>'
            f'<table><thead><tr><th>{esc(t["order"])}</th><th>{esc(t["due"])}</th>'
            f'<th>{esc(t["status"])}</th></tr></thead><tbody>{rows}</tbody></table></div>')


def page(*, title: str, subtitle: str, section: str, lang: str, token: str, updated: dt.datetime,
         event_id: str, live: bool = True) -> str:
    t = T[lang]
    other = "en" if lang == "zh" else "zh"
    script = '<script src="/s/static/live.js" defer></script>' if live else ""
    return (
        f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)}</title><style>{CSS}</style>"
        f'<noscript><meta http-equiv="refresh" content="60"></noscript></head>'
        f'<body data-token="{esc(token)}" data-event="{esc(event_id)}" data-lang="{lang}" '
        f'data-live-text="{esc(t["live"])}" data-offline-text="{esc(t["offline"])}" '
        f'data-updated-text="{esc(t["updated"])}">'
        f'<header><h1>{esc(title)}</h1><div class="sub">{esc(subtitle)}</div>'
        f'<div id="state">{esc(t["updated"])} <span id="updated">{esc(_dt(updated))}</span></div>'
        f'</header><main id="live">{section}</main>'
        f'<footer><a class="lnk" href="?lang={other}">{esc(t["lang"])}</a> · '
        f'<a class="lnk" href="">{esc(t["reload"])}</a><br>{esc(t["footer"])}</footer>'
        f"{script}</body></html>")


def message_page(kind: str, lang: str) -> str:
    """The page for an expired, revoked, invalid or throttled link."""
    t = T[lang]
    return (f'<!doctype html><html lang="{"zh-CN" if lang == "zh" else "en"}"><head>'
            '<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">'
            '<meta name="robots" content="noindex,nofollow">'
            f'<title>{esc(t[kind + "_t"])}</title><style>{CSS}</style></head><body>'
            f'<main class="msg" id="gone" data-kind="{esc(kind)}"><h1>{esc(t[kind + "_t"])}</h1>'
            f'<p>{esc(t[kind + "_b"])}</p></main></body></html>')


# The one script of the pages: live refresh over server-sent events, with polling where
# an in-app browser or a proxy breaks event streams. Plain ES5 so old WebViews run it.
LIVE_JS = r"""
(function(){
  var body=document.body, token=body.getAttribute('data-token'), lang=body.getAttribute('data-lang');
  var live=document.getElementById('live'), upd=document.getElementById('updated');
  var state=document.getElementById('state'), lastId=body.getAttribute('data-event');
  var base='/s/'+token, q='?lang='+lang, failures=0, polling=false, es=null, done=false;
  window.orderdeskLive={mode:'starting', updates:0};
  function apply(data){
    if(!data) return;
    if(data.gone){ gone(data); return; }
    if(data.html!==undefined){ live.innerHTML=data.html; }
    if(data.updated){ upd.textContent=data.updated; }
    if(data.id){ lastId=data.id; }
    state.className=''; state.firstChild.nodeValue=body.getAttribute('data-updated-text')+' ';
    window.orderdeskLive.updates++;
  }
  function gone(data){
    done=true; if(es){ es.close(); }
    document.open(); document.write(data.page||''); document.close();
  }
  function offline(){ state.className='off'; }
  function poll(){
    if(done) return;
    var x=new XMLHttpRequest();
    x.open('GET', base+'/fragment'+q+'&since='+encodeURIComponent(lastId||''));
    x.onload=function(){
      if(x.status===410||x.status===404){ try{ gone(JSON.parse(x.responseText)); }catch(e){ done=true; } return; }
      if(x.status===200){ try{ var d=JSON.parse(x.responseText); if(d.changed) apply(d); }catch(e){} }
      else { offline(); }
      setTimeout(poll, 5000);
    };
    x.onerror=function(){ offline(); setTimeout(poll, 10000); };
    x.send();
  }
  function startPolling(){ if(polling) return; polling=true; window.orderdeskLive.mode='poll'; poll(); }
  if(!window.EventSource){ startPolling(); return; }
  es=new EventSource(base+'/events'+q);
  window.orderdeskLive.mode='sse';
  es.addEventListener('status', function(ev){ failures=0; try{ apply(JSON.parse(ev.data)); }catch(e){} });
  es.addEventListener('gone', function(ev){ try{ gone(JSON.parse(ev.data)); }catch(e){ done=true; es.close(); } });
  es.onopen=function(){ failures=0; state.className=''; };
  es.onerror=function(){
    failures++; offline();
    // EventSource reconnects by itself (with Last-Event-ID); after repeated failures the
    // network path probably breaks streams: fall back to polling.
    if(failures>=3 && !done){ es.close(); startPolling(); }
  };
})();
"""
