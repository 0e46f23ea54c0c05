"""Electronic certificates of conformity: signed QR codes, PDFs, verification.

- payload.py: the signed key fields and the QR verification link
- signing.py: Ed25519 keys, the trusted-keys list, who signs and who checks
- pdf.py: drawing certificates with reportlab (no database)
- service.py: issue / revoke / reissue / render / material lots / templates
- verify.py: valid / tampered / revoked / unknown, with the batch's trace
"""

from orderdesk.messages import TEXTS

TEXTS.update({
    "certificate_state": ("证书 {number} 当前状态为 {state},不能执行此操作",
                          "certificate {number} is {state}; this is not possible"),
    "reason_required": ("请填写原因", "a reason is required"),
    "order_cancelled": ("订单 {order} 已取消或已合并,不能出具合格证",
                        "order {order} is cancelled or merged; no certificate can be issued"),
    "signing_key_missing": ("找不到签名私钥文件:{path}", "signing key file not found: {path}"),
    "signing_key_unreadable": ("签名私钥文件无法读取:{path}({reason})",
                               "cannot read signing key {path} ({reason})"),
    "material_sheet": ("材质表无法导入:文件 {file} 第 {row} 行 {column}:{reason}",
                       "cannot import material sheet: file {file}, row {row}, {column}: {reason}"),
    "cancelled": ("已取消", "cancelled"),
})
