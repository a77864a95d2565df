<#import "names.ftl" as n>
UBND xã/phường thông báo: từ ngày ${effectiveDate}, chính sách ${n.policy(policyCode)} của <#if forPerson>một thành viên trong </#if>hộ gia đình ông/bà thay đổi<@n.entitlement/>. Chi tiết xin liên hệ UBND xã/phường.
