[Giảm nghèo] Hết thời hạn niêm yết kết quả rà soát - đơn vị ${unitCode}

Kính gửi cán bộ phụ trách,

Thời hạn niêm yết công khai kết quả rà soát <#if kind == "ANNUAL">định kỳ hằng năm<#else>thường xuyên</#if> (đợt ${roundId}), từ ngày ${postingStartedOn} đến hết ngày ${postingEndsOn}, đã kết thúc. Đợt rà soát có ${households} hộ, trong đó ${agreed} hộ được hội nghị thôn thống nhất.

Bước tiếp theo: giải quyết khiếu nại (nếu có), tổng hợp kết quả và trình Chủ tịch UBND cấp xã ban hành quyết định công nhận.

Hệ thống Giảm nghèo
