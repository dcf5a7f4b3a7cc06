-- CreateIndex
CREATE INDEX "WebhookDelivery_type_status_idx" ON "WebhookDelivery"("type", "status");
