[Giảm nghèo] Yêu cầu cấp thẻ BHYT không thành công - đơn vị ${unitCode}

Kính gửi cán bộ phụ trách,

Yêu cầu cấp thẻ bảo hiểm y tế ${requestId} (hộ ${householdId}, thành viên ${personId}) không thành công sau ${attempts} lần gửi.
Lý do: ${reason}

Xin kiểm tra và gửi lại yêu cầu: POST /api/v1/card-requests/${requestId}/retry
Danh sách các yêu cầu chưa thành công: GET /api/v1/card-requests?status=FAILED

Hệ thống Giảm nghèo
