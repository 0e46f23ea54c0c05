"""Typed errors of order and catalog intake, and their wording for commands.

The UI words these codes through tr(); the CLI through orderdesk.messages.describe(),
whose table is extended here when the intake package is imported.
"""

from __future__ import annotations

from orderdesk.errors import OrderdeskError
from orderdesk.messages import TEXTS


class IntakeError(OrderdeskError):
    code = "intake_error"


class UnreadableFile(IntakeError):
    """Not a spreadsheet or CSV we can read (wrong format, truncated, damaged)."""

    code = "unreadable_file"


class PasswordProtected(IntakeError):
    code = "password_protected"


class EmptyFile(IntakeError):
    code = "empty_file"


class HeaderNotFound(IntakeError):
    """No row in the first rows of any sheet names the columns we need."""

    code = "header_not_found"


class MissingColumns(IntakeError):
    """A header was found but a required column (e.g. SKU, quantity) is not there."""

    code = "missing_columns"


class ImportAborted(IntakeError):
    code = "import_aborted"


class LowConfidenceMapping(IntakeError):
    """Some columns were recognised with too little evidence; a person must confirm them
    (in the preview, or with `orderdesk import --map COLUMN=FIELD` / `--accept-mapping`)."""

    code = "low_confidence_mapping"


TEXTS.update({
    "unreadable_file": ("无法读取文件 {path}:{reason}", "cannot read {path}: {reason}"),
    "password_protected": ("文件 {path} 设有密码,请在 Excel 中取消密码后另存再导入",
                           "{path} is password-protected; remove the password in Excel, "
                           "save, and import again"),
    "empty_file": ("文件 {path} 是空的,没有可导入的内容", "{path} is empty: nothing to import"),
    "header_not_found": ("在 {path} 的工作表 {sheet} 前 {searched_rows} 行里找不到表头"
                         "(需要 {required} 等列)",
                         "no header row found in the first {searched_rows} rows of sheet "
                         "{sheet} in {path} (need columns such as {required})"),
    "missing_columns": ("{path} 的工作表 {sheet} 缺少必需的列:{missing}",
                        "sheet {sheet} in {path} lacks required columns: {missing}"),
    "import_aborted": ("导入已取消,没有写入任何数据", "import cancelled; nothing was written"),
    "low_confidence_mapping": ("{path} 的列识别把握不足,未导入:{columns}。请在导入预览中确认,"
                               "或用 --map 列名=字段 指定,或 --accept-mapping 接受",
                               "{path} was not imported: columns recognised with low confidence: "
                               "{columns}. Confirm them in the import preview, or give "
                               "--map COLUMN=FIELD, or --accept-mapping"),
})

# Reasons that appear inside facts, worded for the CLI and the rejects file.
REASONS: dict[str, tuple[str, str]] = {
    "not_a_spreadsheet": ("不是 Excel 或 CSV 文件", "not an Excel or CSV file"),
    "truncated": ("文件不完整或已损坏", "the file is truncated or damaged"),
    "unsupported_type": ("不支持的文件类型", "unsupported file type"),
    "unknown_encoding": ("无法识别文字编码", "unknown text encoding"),
    "missing": ("文件不存在", "file not found"),
    "blank": ("必填,但为空", "required but blank"),
    "unknown_sku": ("物料编码不在产品目录中", "SKU not in the product catalog"),
    "not_a_number": ("不是数字", "not a number"),
    "not_positive": ("必须大于 0", "must be greater than 0"),
    "not_a_date": ("无法识别的日期", "not a date"),
    "date_in_past": ("日期早于下单日期", "date before the order date"),
    "unknown_customer": ("客户不在客户目录中", "customer not in the catalog"),
    "no_customer": ("缺少客户(编码、名称或电话)", "no customer (code, name or phone)"),
    "not_pack_multiple": ("数量不是包装数的整数倍", "quantity is not a multiple of the pack size"),
    "conflicting_order": ("同一单号下的客户或日期不一致", "rows of one order disagree on customer or date"),
    "already_imported": ("该渠道单号已导入", "this channel order number was already imported"),
    "unknown_product": ("产品不在目录中", "product not in the catalog"),
    "component_is_parent": ("BOM 的父件与子件相同", "BOM parent equals component"),
}


def reason_text(reason: str, lang: str | None = None) -> str:
    from orderdesk.messages import language

    zh, en = REASONS.get(reason, (reason, reason))
    return en if (lang or language()) == "en" else zh


def describe_error(error: OrderdeskError, lang: str | None = None) -> str:
    """An intake error as one sentence, with its reason code worded too."""
    from orderdesk.messages import describe

    extra = {}
    if "reason" in error.facts:
        extra["reason"] = reason_text(str(error.facts["reason"]), lang)
    return describe(error, lang, **extra)
