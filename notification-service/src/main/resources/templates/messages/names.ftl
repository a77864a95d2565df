<#-- Shared names and phrases for the message templates (imported as "n"). Not versioned: change by adding entries. -->
<#assign classNames = {
  "POOR": "hộ nghèo",
  "NEAR_POOR": "hộ cận nghèo",
  "MIDDLE": "hộ có mức sống trung bình",
  "ABOVE": "hộ không thuộc diện nghèo, cận nghèo",
  "NONE": "chưa được xác định"
}>
<#assign policyNames = {
  "ELECTRICITY_SUPPORT": "hỗ trợ tiền điện",
  "HEALTH_INSURANCE_PREMIUM": "hỗ trợ đóng bảo hiểm y tế",
  "HEALTH_INSURANCE_PREMIUM_PROVINCIAL": "hỗ trợ thêm tiền đóng bảo hiểm y tế của tỉnh",
  "HOUSING_SUPPORT": "hỗ trợ nhà ở",
  "LEGAL_AID": "trợ giúp pháp lý miễn phí",
  "NEAR_POOR_HOUSEHOLD_LOAN": "vay vốn ưu đãi hộ cận nghèo",
  "NEWLY_ESCAPED_LOAN": "vay vốn ưu đãi hộ mới thoát nghèo",
  "POOR_HOUSEHOLD_LOAN": "vay vốn ưu đãi hộ nghèo",
  "SOCIAL_ASSISTANCE": "trợ cấp xã hội hằng tháng",
  "SOCIAL_PENSION": "trợ cấp hưu trí xã hội",
  "STUDENT_LOAN": "vay vốn học sinh, sinh viên",
  "STUDY_COST_SUPPORT": "hỗ trợ chi phí học tập",
  "TUITION_EXEMPTION": "miễn, giảm học phí"
}>
<#assign periodNames = {"MONTHLY": "tháng", "QUARTERLY": "quý", "YEARLY": "năm", "ONCE": "lần"}>
<#function policy code><#return policyNames[code]!code></#function>
<#function className code><#return classNames[code]!code></#function>
<#-- What the benefit gives, after the benefit's name: ", mức ...". -->
<#macro entitlement><#switch entitlementKind><#case "PREMIUM_SHARE">, mức hỗ trợ ${sharePercent}% mức đóng<#break><#case "FEE_EXEMPTION">, mức miễn, giảm ${sharePercent}% học phí<#break><#case "CASH"><#if amountVnd gt 0>, mức ${amountVnd} đồng/${periodNames[period]!period}</#if><#break><#case "LOAN">, vay tối đa ${ceilingVnd} đồng<#if period == "MONTHLY"> mỗi tháng học</#if>, lãi suất ${interestRatePercent}%/năm<#break><#default></#switch></#macro>
