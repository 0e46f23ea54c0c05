"""planning: work centres, shifts, downtime, routings, work orders, machine logs,
inbound shipments with customs milestones, confirmed reschedules

Revision ID: 0037_planning
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0037_planning'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('work_centres',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('tonnage', sa.Integer(), nullable=True),
    sa.Column('expected_oee', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_centres')),
    sa.UniqueConstraint('code', name=op.f('uq_work_centres_code'))
    )
    op.create_table('inbound_shipments',
    sa.Column('reference', sa.String(length=60), nullable=False),
    sa.Column('material_id', sa.String(length=36), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('port', sa.String(length=5), nullable=False),
    sa.Column('customs_office', sa.String(length=60), nullable=False),
    sa.Column('broker', sa.String(length=100), nullable=False),
    sa.Column('eta', sa.DateTime(), nullable=True),
    sa.Column('arrived_at', sa.DateTime(), nullable=True),
    sa.Column('declared_at', sa.DateTime(), nullable=True),
    sa.Column('inspection', sa.Boolean(), nullable=True),
    sa.Column('released_at', sa.DateTime(), nullable=True),
    sa.Column('gate_out_at', sa.DateTime(), nullable=True),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['products.id'], name=op.f('fk_inbound_shipments_material_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbound_shipments')),
    sa.UniqueConstraint('reference', name=op.f('uq_inbound_shipments_reference'))
    )
    op.create_index('ix_inbound_lane', 'inbound_shipments', ['port', 'customs_office', 'broker'], unique=False)
    op.create_index(op.f('ix_inbound_shipments_material_id'), 'inbound_shipments', ['material_id'], unique=False)
    op.create_table('machine_logs',
    sa.Column('work_centre_id', sa.String(length=36), nullable=False),
    sa.Column('shift_date', sa.Date(), nullable=False),
    sa.Column('shift', sa.String(length=20), nullable=False),
    sa.Column('planned_minutes', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('run_minutes', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('ideal_cycle_seconds', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('total_count', sa.Integer(), nullable=False),
    sa.Column('good_count', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['work_centre_id'], ['work_centres.id'], name=op.f('fk_machine_logs_work_centre_id_work_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_machine_logs')),
    sa.UniqueConstraint('work_centre_id', 'shift_date', 'shift', name=op.f('uq_machine_logs_work_centre_id'))
    )
    op.create_index(op.f('ix_machine_logs_work_centre_id'), 'machine_logs', ['work_centre_id'], unique=False)
    op.create_table('planned_downtime',
    sa.Column('work_centre_id', sa.String(length=36), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['work_centre_id'], ['work_centres.id'], name=op.f('fk_planned_downtime_work_centre_id_work_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_planned_downtime'))
    )
    op.create_index(op.f('ix_planned_downtime_work_centre_id'), 'planned_downtime', ['work_centre_id'], unique=False)
    op.create_table('routings',
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('work_centre_id', sa.String(length=36), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('cycle_seconds', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('cavities', sa.Integer(), nullable=False),
    sa.Column('setup_minutes', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_routings_product_id_products')),
    sa.ForeignKeyConstraint(['work_centre_id'], ['work_centres.id'], name=op.f('fk_routings_work_centre_id_work_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_routings')),
    sa.UniqueConstraint('product_id', 'work_centre_id', name=op.f('uq_routings_product_id'))
    )
    op.create_index(op.f('ix_routings_product_id'), 'routings', ['product_id'], unique=False)
    op.create_index(op.f('ix_routings_work_centre_id'), 'routings', ['work_centre_id'], unique=False)
    op.create_table('work_centre_shifts',
    sa.Column('work_centre_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=True),
    sa.Column('start_time', sa.String(length=5), nullable=False),
    sa.Column('end_time', sa.String(length=5), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['work_centre_id'], ['work_centres.id'], name=op.f('fk_work_centre_shifts_work_centre_id_work_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_centre_shifts'))
    )
    op.create_index(op.f('ix_work_centre_shifts_work_centre_id'), 'work_centre_shifts', ['work_centre_id'], unique=False)
    op.create_table('reschedules',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('shipment_id', sa.String(length=36), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(), nullable=False),
    sa.Column('confirmed_by', sa.String(length=60), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['shipment_id'], ['inbound_shipments.id'], name=op.f('fk_reschedules_shipment_id_inbound_shipments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reschedules'))
    )
    op.create_table('work_orders',
    sa.Column('wo_no', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=True),
    sa.Column('order_line_id', sa.String(length=36), nullable=True),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('work_centre_id', sa.String(length=36), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('planned_hours', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_work_orders_order_id_orders')),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'], name=op.f('fk_work_orders_order_line_id_order_lines')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_work_orders_product_id_products')),
    sa.ForeignKeyConstraint(['work_centre_id'], ['work_centres.id'], name=op.f('fk_work_orders_work_centre_id_work_centres')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_orders')),
    sa.UniqueConstraint('wo_no', name=op.f('uq_work_orders_wo_no'))
    )
    op.create_index('ix_work_orders_centre_window', 'work_orders', ['work_centre_id', 'start_at'], unique=False)
    op.create_index(op.f('ix_work_orders_order_id'), 'work_orders', ['order_id'], unique=False)


def downgrade() -> None:
    for table in ('work_orders', 'reschedules', 'work_centre_shifts', 'routings',
                  'planned_downtime', 'machine_logs', 'inbound_shipments', 'work_centres'):
        op.drop_table(table)
