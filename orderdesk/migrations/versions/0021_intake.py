"""intake: files taken in by order and catalog imports

Revision ID: 0021_intake
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0021_intake'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('intake_files',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('imported_by', sa.String(length=60), nullable=True),
    sa.Column('station', sa.String(length=60), nullable=True),
    sa.Column('orders_created', sa.Integer(), nullable=False),
    sa.Column('rows_rejected', sa.Integer(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_files')),
    sa.UniqueConstraint('sha256', name=op.f('uq_intake_files_sha256'))
    )


def downgrade() -> None:
    op.drop_table('intake_files')
