"""PMC: kit completeness of open orders, BOM/stock/receipt editing, the rush-order
green channel. Qt-free; the screens live in orderdesk.ui.pmc."""

from orderdesk.messages import TEXTS

TEXTS.update({
    "bom_cycle": ("BOM 循环引用:{path}(请修改其中一行 BOM)",
                  "BOM loop: {path} (change one of these BOM lines)"),
    "no_bom": ("产品 {sku} 没有 BOM,无法检查齐套", "product {sku} has no BOM: kit cannot be checked"),
    "not_open": ("订单 {key} 不在待排产的未结订单中", "order {key} is not an open order awaiting schedule"),
    "rush_not_found": ("订单 {order_no} 不在急单绿色通道中", "order {order_no} is not in the green channel"),
    "step_done": ("订单 {order_no} 的步骤「{step}」已确认", "step {step} of order {order_no} is already confirmed"),
    "step_blocked": ("订单 {order_no} 的步骤「{step}」须等待「{waiting_for}」确认",
                     "step {step} of order {order_no} waits for {waiting_for}"),
})
