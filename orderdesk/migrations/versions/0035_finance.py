"""finance: shipments, invoice split rules, invoices with red-letter credits, EDI outbox

Revision ID: 0035_finance
Revises: 0001
Create Date: 2026-12-01 22:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0035_finance'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('edi_partners',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('profile', sa.String(length=40), nullable=False),
    sa.Column('url', sa.String(length=400), nullable=False),
    sa.Column('sender_id', sa.String(length=35), nullable=False),
    sa.Column('sender_qualifier', sa.String(length=4), nullable=True),
    sa.Column('recipient_id', sa.String(length=35), nullable=False),
    sa.Column('recipient_qualifier', sa.String(length=4), nullable=True),
    sa.Column('syntax', sa.String(length=4), nullable=False),
    sa.Column('association', sa.String(length=10), nullable=True),
    sa.Column('test_indicator', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_edi_partners_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_edi_partners')),
    sa.UniqueConstraint('customer_id', name=op.f('uq_edi_partners_customer_id'))
    )
    op.create_table('invoice_rules',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('per_po', sa.Boolean(), nullable=False),
    sa.Column('per_ship_to', sa.Boolean(), nullable=False),
    sa.Column('per_product_line', sa.Boolean(), nullable=False),
    sa.Column('per_tax_rate', sa.Boolean(), nullable=False),
    sa.Column('amount_cap', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('cap_includes_tax', sa.Boolean(), nullable=False),
    sa.Column('max_lines', sa.Integer(), nullable=True),
    sa.Column('allow_line_split', sa.Boolean(), nullable=False),
    sa.Column('self_billing', sa.Boolean(), nullable=False),
    sa.Column('buyer_name', sa.String(length=200), nullable=True),
    sa.Column('tax_id', sa.String(length=30), nullable=True),
    sa.Column('updated_by', sa.String(length=60), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_invoice_rules_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_rules')),
    sa.UniqueConstraint('customer_id', name=op.f('uq_invoice_rules_customer_id'))
    )
    op.create_table('product_tax',
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('rate', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('tax_code', sa.String(length=30), nullable=True),
    sa.Column('item_name', sa.String(length=200), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_tax_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_tax')),
    sa.UniqueConstraint('product_id', name=op.f('uq_product_tax_product_id'))
    )
    op.create_table('shipments',
    sa.Column('shipment_no', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('ship_to', sa.String(length=400), nullable=True),
    sa.Column('carrier', sa.String(length=100), nullable=True),
    sa.Column('tracking_no', sa.String(length=100), nullable=True),
    sa.Column('ship_date', sa.Date(), nullable=False),
    sa.Column('packages', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('shipped_by', sa.String(length=60), nullable=True),
    sa.Column('station', sa.String(length=60), nullable=True),
    sa.Column('note', sa.String(length=400), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_shipments_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipments')),
    sa.UniqueConstraint('shipment_no', name=op.f('uq_shipments_shipment_no'))
    )
    op.create_index(op.f('ix_shipments_customer_id'), 'shipments', ['customer_id'], unique=False)
    op.create_index('ix_shipments_created_at', 'shipments', ['created_at'], unique=False)
    op.create_index('ix_shipments_customer_created', 'shipments', ['customer_id', 'created_at'],
                    unique=False)
    op.create_table('edi_messages',
    sa.Column('control_ref', sa.String(length=14), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('document_no', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('partner_id', sa.String(length=36), nullable=False),
    sa.Column('profile', sa.String(length=40), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_edi_messages_customer_id_customers')),
    sa.ForeignKeyConstraint(['partner_id'], ['edi_partners.id'], name=op.f('fk_edi_messages_partner_id_edi_partners')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_edi_messages')),
    sa.UniqueConstraint('control_ref', name=op.f('uq_edi_messages_control_ref'))
    )
    op.create_index(op.f('ix_edi_messages_customer_id'), 'edi_messages', ['customer_id'], unique=False)
    op.create_index(op.f('ix_edi_messages_document_no'), 'edi_messages', ['document_no'], unique=False)
    op.create_index('ix_edi_messages_state_next', 'edi_messages', ['state', 'next_attempt_at'], unique=False)
    op.create_table('invoices',
    sa.Column('invoice_no', sa.String(length=40), nullable=False),
    sa.Column('shipment_id', sa.String(length=36), nullable=False),
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('split_by', sa.String(length=200), nullable=False),
    sa.Column('split_key', sa.Text(), nullable=True),
    sa.Column('net', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('tax', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('gross', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('buyer_name', sa.String(length=200), nullable=True),
    sa.Column('tax_id', sa.String(length=30), nullable=True),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('issued_by', sa.String(length=60), nullable=True),
    sa.Column('credit_of_id', sa.String(length=36), nullable=True),
    sa.Column('cancel_reason', sa.String(length=400), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_by', sa.String(length=60), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['credit_of_id'], ['invoices.id'], name=op.f('fk_invoices_credit_of_id_invoices')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_invoices_customer_id_customers')),
    sa.ForeignKeyConstraint(['shipment_id'], ['shipments.id'], name=op.f('fk_invoices_shipment_id_shipments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('invoice_no', name=op.f('uq_invoices_invoice_no'))
    )
    op.create_index(op.f('ix_invoices_customer_id'), 'invoices', ['customer_id'], unique=False)
    op.create_index(op.f('ix_invoices_shipment_id'), 'invoices', ['shipment_id'], unique=False)
    op.create_index('ix_invoices_shipment_seq', 'invoices', ['shipment_id', 'seq'], unique=False)
    op.create_index('ix_invoices_issued_at', 'invoices', ['issued_at'], unique=False)
    op.create_table('shipment_lines',
    sa.Column('shipment_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('order_line_id', sa.String(length=36), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=18, scale=4), nullable=True),
    sa.Column('customer_po', sa.String(length=60), nullable=True),
    sa.Column('ship_to', sa.String(length=400), nullable=True),
    sa.Column('batches', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_shipment_lines_order_id_orders')),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'], name=op.f('fk_shipment_lines_order_line_id_order_lines')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_shipment_lines_product_id_products')),
    sa.ForeignKeyConstraint(['shipment_id'], ['shipments.id'], name=op.f('fk_shipment_lines_shipment_id_shipments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shipment_lines'))
    )
    op.create_index(op.f('ix_shipment_lines_order_id'), 'shipment_lines', ['order_id'], unique=False)
    op.create_index(op.f('ix_shipment_lines_order_line_id'), 'shipment_lines', ['order_line_id'], unique=False)
    op.create_index(op.f('ix_shipment_lines_shipment_id'), 'shipment_lines', ['shipment_id'], unique=False)
    op.create_table('invoice_lines',
    sa.Column('invoice_id', sa.String(length=36), nullable=False),
    sa.Column('shipment_line_id', sa.String(length=36), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=60), nullable=False),
    sa.Column('item_name', sa.String(length=200), nullable=False),
    sa.Column('spec', sa.String(length=200), nullable=True),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('quantity', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('unit_price', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('amount', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('tax_rate', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('tax', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('customer_po', sa.String(length=60), nullable=True),
    sa.Column('order_no', sa.String(length=40), nullable=True),
    sa.Column('product_line', sa.String(length=60), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['invoice_id'], ['invoices.id'], name=op.f('fk_invoice_lines_invoice_id_invoices')),
    sa.ForeignKeyConstraint(['shipment_line_id'], ['shipment_lines.id'], name=op.f('fk_invoice_lines_shipment_line_id_shipment_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoice_lines'))
    )
    op.create_index(op.f('ix_invoice_lines_invoice_id'), 'invoice_lines', ['invoice_id'], unique=False)


def downgrade() -> None:
    for table in ('invoice_lines', 'shipment_lines', 'invoices', 'edi_messages', 'shipments',
                  'product_tax', 'invoice_rules', 'edi_partners'):
        op.drop_table(table)
