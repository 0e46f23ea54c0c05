"""The customer fulfilment health board (morning meeting: red customers first) with the
rules managers edit: weights (must total 100), the good/bad value of each sub-score and
the colour thresholds. Closed months come from their snapshots."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.insight import export, health
from orderdesk.models.base import utcnow
from orderdesk.ui.errors import show_error
from orderdesk.ui.overview import labels
from orderdesk.ui.overview.tables import health_model
from orderdesk.ui.screen_fit import fit_to_screen


def recent_months(now: dt.datetime, count: int = 13) -> list[str]:
    months, y, m = [], now.year, now.month
    for _ in range(count):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return months


class HealthBoardDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, month: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("healthBoardDialog")
        self.ctx = ctx
        self.board: health.HealthBoard | None = None
        fit_to_screen(self, 1300, 720)
        self.month_box = QComboBox()
        for m in recent_months(utcnow()):
            self.month_box.addItem(m, m)
        if month:
            i = self.month_box.findData(month)
            if i >= 0:
                self.month_box.setCurrentIndex(i)
        self.month_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.month_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("healthState")
        self.model = health_model(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)

        # -- rules ------------------------------------------------------------------
        self.rules_box = QGroupBox()
        grid = QGridLayout(self.rules_box)
        self.weight_spins: dict[str, QSpinBox] = {}
        self.good_spins: dict[str, QDoubleSpinBox] = {}
        self.bad_spins: dict[str, QDoubleSpinBox] = {}
        self.sub_labels: dict[str, QLabel] = {}
        self.weight_head, self.good_head, self.bad_head = QLabel(), QLabel(), QLabel()
        grid.addWidget(self.weight_head, 0, 1)
        grid.addWidget(self.good_head, 0, 2)
        grid.addWidget(self.bad_head, 0, 3)
        for row, key in enumerate(health.SUBSCORES, start=1):
            self.sub_labels[key] = QLabel()
            self.sub_labels[key].setWordWrap(True)
            grid.addWidget(self.sub_labels[key], row, 0)
            w = QSpinBox()
            w.setRange(0, 100)
            w.valueChanged.connect(self._on_weights_changed)
            self.weight_spins[key] = w
            grid.addWidget(w, row, 1)
            for col, target in ((2, self.good_spins), (3, self.bad_spins)):
                spin = QDoubleSpinBox()
                spin.setRange(0, 1000)
                spin.setDecimals(1)
                target[key] = spin
                grid.addWidget(spin, row, col)
        self.total_label = QLabel()
        self.total_label.setObjectName("weightsTotal")
        grid.addWidget(self.total_label, len(health.SUBSCORES) + 1, 1, 1, 3)
        self.green_label, self.yellow_label, self.tol_label = QLabel(), QLabel(), QLabel()
        self.green_spin, self.yellow_spin = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.green_spin, self.yellow_spin):
            spin.setRange(0, 100)
            spin.setDecimals(0)
        self.tol_spin = QSpinBox()
        self.tol_spin.setRange(0, 30)
        r = len(health.SUBSCORES) + 2
        grid.addWidget(self.green_label, r, 0)
        grid.addWidget(self.green_spin, r, 1)
        grid.addWidget(self.yellow_label, r + 1, 0)
        grid.addWidget(self.yellow_spin, r + 1, 1)
        grid.addWidget(self.tol_label, r + 2, 0)
        grid.addWidget(self.tol_spin, r + 2, 1)
        self.save_rules_button = QPushButton()
        self.save_rules_button.clicked.connect(self._on_save_rules)
        grid.addWidget(self.save_rules_button, r + 3, 0, 1, 4)
        self.rules_note = QLabel()
        self.rules_note.setWordWrap(True)
        grid.addWidget(self.rules_note, r + 4, 0, 1, 4)
        self.rules_box.setMaximumWidth(520)

        self.excel_button = QPushButton()
        self.excel_button.clicked.connect(self._on_export)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)

        head = QHBoxLayout()
        head.addWidget(self.month_label)
        head.addWidget(self.month_box)
        head.addWidget(self.state_label, 1)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(self.rules_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.ctx.tasks.query(health.load_rules, self.ctx.desk, on_done=self._show_rules)
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Customer fulfilment health"))
        self.month_label.setText(self.tr("Month"))
        self.rules_box.setTitle(self.tr("Rules (managers)"))
        self.weight_head.setText(self.tr("Weight"))
        self.good_head.setText(self.tr("Full points at"))
        self.bad_head.setText(self.tr("No points at"))
        for key, label in self.sub_labels.items():
            label.setText(labels.sub_name(key))
        self.green_label.setText(self.tr("Green from score"))
        self.yellow_label.setText(self.tr("Yellow from score"))
        self.tol_label.setText(self.tr("On-time tolerance (days)"))
        self.save_rules_button.setText(self.tr("Save rules"))
        self.rules_note.setText(self.tr("Rules apply to open months; closed months keep "
                                        "the snapshot taken with the rules of their time. "
                                        "Payment terms have no data in this build."))
        self.excel_button.setText(self.tr("Export to Excel…"))
        self.close_button.setText(self.tr("Close"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          self.model.columnCount() - 1)
        self._on_weights_changed()
        self._show_state()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.query(health.health_board, self.ctx.desk, self.month_box.currentData(),
                             on_done=self._on_board, on_error=lambda e: show_error(self, e))

    def _on_board(self, board: health.HealthBoard) -> None:
        self.board = board
        self.model.set_rows(list(board.customers))
        self.view.resizeColumnsToContents()
        self._show_state()

    def _show_state(self) -> None:
        b = self.board
        if b is None:
            self.state_label.setText(self.tr("Loading…"))
            return
        state = self.tr("closed month, snapshot") if b.closed else self.tr("open month, live")
        self.state_label.setText(self.tr(
            "{state} · red {red} · yellow {yellow} · green {green} · no data {none}").format(
            state=state, red=b.count("red"), yellow=b.count("yellow"),
            green=b.count("green"), none=b.count("no_data")))

    def _show_rules(self, rules: dict) -> None:
        for key in health.SUBSCORES:
            self.weight_spins[key].setValue(int(rules["weights"][key]))
            self.good_spins[key].setValue(float(rules["bands"][key]["good"]))
            self.bad_spins[key].setValue(float(rules["bands"][key]["bad"]))
        self.green_spin.setValue(float(rules["green_min"]))
        self.yellow_spin.setValue(float(rules["yellow_min"]))
        self.tol_spin.setValue(int(rules["tolerance_days"]))
        self._rules = rules

    def current_rules(self) -> dict:
        rules = dict(getattr(self, "_rules", health.DEFAULT_RULES))
        rules["weights"] = {k: s.value() for k, s in self.weight_spins.items()}
        rules["bands"] = {k: {"good": self.good_spins[k].value(), "bad": self.bad_spins[k].value()}
                          for k in health.SUBSCORES}
        rules["green_min"] = self.green_spin.value()
        rules["yellow_min"] = self.yellow_spin.value()
        rules["tolerance_days"] = self.tol_spin.value()
        return rules

    def _on_weights_changed(self, *_args) -> None:  # type: ignore[no-untyped-def]
        total = sum(s.value() for s in self.weight_spins.values())
        self.total_label.setText(self.tr("Total {total} (must be 100)").format(total=total))
        self.total_label.setStyleSheet("" if total == 100 else "color: #b03020;")
        self.save_rules_button.setEnabled(total == 100)

    def _on_save_rules(self) -> None:
        self.ctx.tasks.mutate(health.save_rules, self.ctx.desk, self.current_rules(),
                              on_done=lambda _c: self.reload(),
                              on_error=lambda e: show_error(self, e))

    def _on_export(self) -> None:
        if self.board is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                              f"health-{self.board.month}.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            self.ctx.tasks.query(export.write_xlsx, path,
                                 [("Health", export.HEALTH_HEADERS,
                                   export.health_rows(self.board))],
                                 on_error=lambda e: show_error(self, e))
